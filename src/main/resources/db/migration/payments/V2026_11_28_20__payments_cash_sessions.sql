-- Cash drawer sessions per counter terminal. open_terminal holds the terminal while the session is
-- open and NULL once closed: its unique index allows one open session per terminal (H2 has no
-- partial indexes). Every cash movement belongs to exactly one session; a movement locks its open
-- session row (SELECT … FOR UPDATE) and the close takes the same lock, so a payment committed while
-- the close runs lands in that session or the next, never neither or both.
CREATE TABLE payments_cash_session (
    id             UUID PRIMARY KEY,
    terminal       VARCHAR(40) NOT NULL,
    open_terminal  VARCHAR(40),
    opened_by      VARCHAR(64) NOT NULL,
    opened_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    float_fen      BIGINT      NOT NULL CHECK (float_fen >= 0),
    closed_by      VARCHAR(64),
    closed_at      TIMESTAMP WITH TIME ZONE,
    expected_fen   BIGINT,
    counted_fen    BIGINT,
    difference_fen BIGINT,
    counts         VARCHAR(400),
    note           VARCHAR(200)
);
CREATE UNIQUE INDEX payments_cash_session_open ON payments_cash_session (open_terminal);
CREATE INDEX payments_cash_session_terminal ON payments_cash_session (terminal, opened_at);

-- kind: PAYMENT (cash taken, +), REFUND (−), PAY_IN (+), PAY_OUT (−), DISBURSEMENT (−)
CREATE TABLE payments_cash_movement (
    id         UUID PRIMARY KEY,
    session_id UUID        NOT NULL REFERENCES payments_cash_session (id),
    kind       VARCHAR(16) NOT NULL,
    amount_fen BIGINT      NOT NULL,
    payment_id UUID,
    service    VARCHAR(24) NOT NULL,
    reason     VARCHAR(200),
    clerk      VARCHAR(64) NOT NULL,
    at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX payments_cash_movement_session ON payments_cash_movement (session_id);

-- what a payment paid for, for the Z report's totals per service
ALTER TABLE payments_payment ADD COLUMN service VARCHAR(24) DEFAULT 'COUNTER' NOT NULL;
ALTER TABLE payments_payment ADD COLUMN cash_session_id UUID;
