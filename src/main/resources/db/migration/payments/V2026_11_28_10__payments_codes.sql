-- Payment codes (付款码) through central, beside cash. A payment is the business record (one per
-- thing paid for); each try at the channel is an attempt with its own trade number (out_trade_no),
-- so a second scan after a failure never reuses a number the channel has seen.
ALTER TABLE payments_payment ADD COLUMN status VARCHAR(20) DEFAULT 'SUCCEEDED' NOT NULL;
ALTER TABLE payments_payment ADD COLUMN channel VARCHAR(8) DEFAULT 'CASH' NOT NULL;
ALTER TABLE payments_payment ADD COLUMN refunded_fen BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE payments_payment ADD COLUMN fee_fen BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE payments_payment ADD COLUMN tendered_fen BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE payments_payment ADD COLUMN change_fen BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE payments_payment ADD COLUMN reason VARCHAR(40);
-- the caller's idempotency key and the SHA-256 of what it asked (never the auth code itself)
ALTER TABLE payments_payment ADD COLUMN idempotency_key VARCHAR(80);
ALTER TABLE payments_payment ADD COLUMN request_sha256 VARCHAR(64);
ALTER TABLE payments_payment ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
CREATE UNIQUE INDEX payments_payment_idempotency ON payments_payment (idempotency_key);
CREATE INDEX payments_payment_status ON payments_payment (status);

CREATE TABLE payments_attempt (
    out_trade_no     VARCHAR(32) PRIMARY KEY,
    payment_id       UUID        NOT NULL REFERENCES payments_payment (id),
    channel          VARCHAR(8)  NOT NULL,
    status           VARCHAR(16) NOT NULL,
    reverse_wanted   BOOLEAN     DEFAULT FALSE NOT NULL,
    channel_trade_no VARCHAR(40),
    reason           VARCHAR(40),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    next_check_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX payments_attempt_due ON payments_attempt (status, next_check_at);
CREATE INDEX payments_attempt_payment ON payments_attempt (payment_id);

-- Code payments taken per station day, for the daily limit: reserved by one guarded update per
-- payment (so two at once never pass the limit together), given back when a payment fails.
CREATE TABLE payments_day_total (
    pay_day  DATE   PRIMARY KEY,
    code_fen BIGINT DEFAULT 0 NOT NULL
);
