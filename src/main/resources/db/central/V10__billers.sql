-- Write-offs (销账) and top-ups stations asked for, one row per station order (the station's order
-- number is the idempotency key). The account or phone number is kept only as a hash (to see that an
-- account was paid today) and masked; paid_key is set while a write-off stands (PROCESSING,
-- SUCCESS), so one account is written off once a day even with two stations racing.
CREATE TABLE central_write_off (
    station_id       VARCHAR(64)  NOT NULL REFERENCES central_station (id),
    station_order_no VARCHAR(40)  NOT NULL,
    kind             VARCHAR(12)  NOT NULL,
    account_sha256   VARCHAR(64),
    account_masked   VARCHAR(20)  NOT NULL,
    amount_fen       BIGINT       NOT NULL,
    status           VARCHAR(12)  NOT NULL,
    ref              VARCHAR(40),
    error_code       VARCHAR(32),
    paid_key         VARCHAR(64)  UNIQUE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    done_at          TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (station_id, station_order_no)
);
CREATE INDEX central_write_off_day ON central_write_off (station_id, created_at);
CREATE INDEX central_write_off_processing ON central_write_off (status, done_at);
