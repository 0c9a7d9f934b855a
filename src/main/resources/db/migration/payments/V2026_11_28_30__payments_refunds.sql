-- Refunds: to the original method. A code refund has its own number (out_refund_no), reused on
-- every retry, and stays PENDING until central says it is done; a cash refund is paid from the
-- drawer of the counter that hands it over (AWAITING_HANDOVER until then). A refund of an extra
-- charge (two successful trades for one payment) is marked duplicate: it does not count against
-- what the payment may still refund.
CREATE TABLE payments_refund (
    id               UUID PRIMARY KEY,
    payment_id       UUID        NOT NULL REFERENCES payments_payment (id),
    amount_fen       BIGINT      NOT NULL CHECK (amount_fen > 0),
    method           VARCHAR(8)  NOT NULL,
    status           VARCHAR(20) NOT NULL,
    out_trade_no     VARCHAR(32),
    out_refund_no    VARCHAR(32) UNIQUE,
    duplicate        BOOLEAN     DEFAULT FALSE NOT NULL,
    reason           VARCHAR(200) NOT NULL,
    fail_reason      VARCHAR(40),
    clerk            VARCHAR(64) NOT NULL,
    approved_by      VARCHAR(64),
    terminal         VARCHAR(40) NOT NULL,
    cash_session_id  UUID,
    idempotency_key  VARCHAR(80) UNIQUE,
    request_sha256   VARCHAR(64),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    next_check_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX payments_refund_payment ON payments_refund (payment_id);
CREATE INDEX payments_refund_due ON payments_refund (status, next_check_at);

-- Money the station pays out that is not a refund (a consignor's payout): cash from a drawer
-- session, or external (bank, WeChat) with a reference.
CREATE TABLE payments_disbursement (
    id              UUID PRIMARY KEY,
    amount_fen      BIGINT      NOT NULL CHECK (amount_fen > 0),
    method          VARCHAR(8)  NOT NULL,
    purpose         VARCHAR(200) NOT NULL,
    reference       VARCHAR(80),
    status          VARCHAR(12) NOT NULL,
    clerk           VARCHAR(64) NOT NULL,
    terminal        VARCHAR(40) NOT NULL,
    cash_session_id UUID,
    idempotency_key VARCHAR(80) UNIQUE,
    request_sha256  VARCHAR(64),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
