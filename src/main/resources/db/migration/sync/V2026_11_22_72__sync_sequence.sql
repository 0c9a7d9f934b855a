-- Each aggregate's last sequence number, kept apart from the outbox so that pruning delivered
-- events never makes a parcel's numbering start again at 1.
CREATE TABLE sync_sequence (
    aggregate_id VARCHAR(64) PRIMARY KEY,
    last_no      BIGINT      NOT NULL
);
INSERT INTO sync_sequence (aggregate_id, last_no) SELECT aggregate_id, MAX(sequence_no) FROM sync_outbox GROUP BY aggregate_id;
