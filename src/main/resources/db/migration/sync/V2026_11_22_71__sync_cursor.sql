-- How far the station has applied each of central's feeds (moved in the transaction that applies).
CREATE TABLE sync_cursor (
    feed      VARCHAR(32) PRIMARY KEY,
    cursor_no BIGINT NOT NULL
);
