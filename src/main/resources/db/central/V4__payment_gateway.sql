-- The payment gateway's sandbox: trades per station and its own trade number, the auth codes
-- already used (as SHA-256: an auth code pays once), and refunds with their own number.
CREATE TABLE central_gateway_trade (
    station_id       VARCHAR(64) NOT NULL,
    out_trade_no     VARCHAR(32) NOT NULL,
    channel          VARCHAR(8),
    channel_trade_no VARCHAR(40),
    amount_fen       BIGINT      NOT NULL,
    status           VARCHAR(20) NOT NULL,
    refunded_fen     BIGINT      NOT NULL DEFAULT 0,
    fee_fen          BIGINT      NOT NULL DEFAULT 0,
    error_code       VARCHAR(32),
    description      VARCHAR(128),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    paid_at          TIMESTAMP WITH TIME ZONE,
    confirm_at       TIMESTAMP WITH TIME ZONE,
    close_at         TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (station_id, out_trade_no)
);
CREATE INDEX central_gateway_trade_created ON central_gateway_trade (station_id, created_at);
CREATE INDEX central_gateway_trade_userpaying ON central_gateway_trade (status, confirm_at);

CREATE TABLE central_gateway_code (
    code_sha256 VARCHAR(64) PRIMARY KEY,
    used_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE central_gateway_refund (
    station_id    VARCHAR(64) NOT NULL,
    out_refund_no VARCHAR(32) NOT NULL,
    out_trade_no  VARCHAR(32) NOT NULL,
    amount_fen    BIGINT      NOT NULL,
    status        VARCHAR(16) NOT NULL,
    reason        VARCHAR(128),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    done_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (station_id, out_refund_no)
);
CREATE INDEX central_gateway_refund_done ON central_gateway_refund (station_id, done_at);
