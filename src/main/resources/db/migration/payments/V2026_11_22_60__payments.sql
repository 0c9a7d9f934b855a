-- Money taken at the station, in fen. Cash now; QR payments, refunds and reconciliation later.
CREATE TABLE payments_payment (
    id         UUID PRIMARY KEY,
    amount_fen BIGINT      NOT NULL CHECK (amount_fen > 0),
    method     VARCHAR(16) NOT NULL,
    purpose    VARCHAR(80) NOT NULL,
    clerk      VARCHAR(64) NOT NULL,
    terminal   VARCHAR(40) NOT NULL,
    paid_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX payments_payment_paid_at ON payments_payment (paid_at);
