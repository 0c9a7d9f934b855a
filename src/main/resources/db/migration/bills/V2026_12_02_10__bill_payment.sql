-- A bill payment or phone top-up: one station order, its number central's idempotency key. The
-- account (or phone number) is sealed with the station key and erased after
-- yizhan.bills.erase-after-days, the masked form kept. live_key (a keyed hash of kind, account and
-- day) stands while the payment does, so an account is paid once a day even with two counters
-- racing; it is cleared when the order ends without a write-off.
CREATE TABLE bill_payment (
    id               UUID         PRIMARY KEY,
    version          BIGINT       NOT NULL,
    order_no         VARCHAR(40)  NOT NULL UNIQUE,
    idempotency_key  VARCHAR(80)  NOT NULL UNIQUE,
    request_sha256   VARCHAR(64)  NOT NULL,
    kind             VARCHAR(12)  NOT NULL CHECK (kind IN ('WATER', 'ELECTRICITY', 'GAS', 'TOPUP')),
    account_sealed   VARCHAR(200),
    account_masked   VARCHAR(20)  NOT NULL,
    live_key         VARCHAR(64)  UNIQUE,
    biller_name      VARCHAR(40),
    holder_masked    VARCHAR(20),
    period           VARCHAR(10),
    carrier          VARCHAR(20),
    amount_fen       BIGINT       NOT NULL CHECK (amount_fen > 0),
    status           VARCHAR(16)  NOT NULL,
    channel          VARCHAR(8)   NOT NULL CHECK (channel IN ('COUNTER', 'KIOSK')),
    method           VARCHAR(8)   NOT NULL,
    payment_id       UUID,
    payment_key      VARCHAR(80),
    refund_id        UUID,
    write_off_ref    VARCHAR(40),
    fail_code        VARCHAR(32),
    note             VARCHAR(200),
    resolved_by      VARCHAR(64),
    clerk            VARCHAR(64)  NOT NULL,
    terminal         VARCHAR(40)  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    submitted_at     TIMESTAMP WITH TIME ZONE,
    query_after      TIMESTAMP WITH TIME ZONE,
    finished_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX bill_payment_status ON bill_payment (status, created_at);
CREATE INDEX bill_payment_created ON bill_payment (created_at);

CREATE TABLE bill_sequence (
    order_day VARCHAR(6) PRIMARY KEY,
    last_no   INT        NOT NULL
);
