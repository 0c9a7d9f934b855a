-- Reconciliation (对账) of a station day against the channel's statement pulled from central: the
-- counts of the last run, and every difference found. A difference stays on the suspense list
-- (挂账, resolution OPEN) until it is completed (补单), refunded, or resolved by a manager with a note;
-- running the day again keeps what was decided.
CREATE TABLE payments_recon_run (
    recon_day        DATE PRIMARY KEY,
    ran_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    matched          INT NOT NULL,
    local_only       INT NOT NULL,
    channel_only     INT NOT NULL,
    amount_mismatch  INT NOT NULL,
    status_mismatch  INT NOT NULL
);

CREATE TABLE payments_recon_item (
    recon_day    DATE        NOT NULL,
    out_trade_no VARCHAR(32) NOT NULL,
    out_refund_no VARCHAR(32) DEFAULT '' NOT NULL,
    kind         VARCHAR(20) NOT NULL,
    station_fen  BIGINT,
    channel_fen  BIGINT,
    resolution   VARCHAR(12) DEFAULT 'OPEN' NOT NULL,
    note         VARCHAR(200),
    resolved_by  VARCHAR(64),
    resolved_at  TIMESTAMP WITH TIME ZONE,
    found_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (recon_day, out_trade_no, out_refund_no)
);
CREATE INDEX payments_recon_item_open ON payments_recon_item (resolution);
