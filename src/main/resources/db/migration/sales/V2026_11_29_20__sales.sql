-- Counter sales. A sale holds its stock from the moment it is recorded: PENDING while its code
-- payment is open, PAID once paid, CANCELLED (stock back) when the payment failed; returns make it
-- PARTIALLY_RETURNED or RETURNED. payment_key is the idempotency key its payment was taken under.
CREATE TABLE sales_sale (
    id              UUID PRIMARY KEY,
    version         BIGINT      NOT NULL,
    status          VARCHAR(20) NOT NULL,
    total_fen       BIGINT      NOT NULL CHECK (total_fen > 0),
    method          VARCHAR(8)  NOT NULL,
    payment_id      UUID,
    payment_key     VARCHAR(80) NOT NULL,
    idempotency_key VARCHAR(80) NOT NULL,
    request_sha256  VARCHAR(64) NOT NULL,
    returned_fen    BIGINT      DEFAULT 0 NOT NULL,
    below_zero_by   VARCHAR(64),
    clerk           VARCHAR(64) NOT NULL,
    terminal        VARCHAR(40) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX sales_sale_idempotency ON sales_sale (idempotency_key);
CREATE UNIQUE INDEX sales_sale_payment_key ON sales_sale (payment_key);
CREATE INDEX sales_sale_status ON sales_sale (status, updated_at);
CREATE INDEX sales_sale_created ON sales_sale (created_at);
CREATE INDEX sales_sale_payment ON sales_sale (payment_id);

-- quantity in pieces or grams; amount_fen what the line costs (a price label's own price).
CREATE TABLE sales_line (
    sale              UUID        NOT NULL REFERENCES sales_sale (id),
    line_no           INT         NOT NULL,
    sku               VARCHAR(40) NOT NULL,
    name              VARCHAR(80) NOT NULL,
    unit              VARCHAR(8)  NOT NULL,
    quantity          BIGINT      NOT NULL CHECK (quantity > 0),
    unit_price_fen    BIGINT      NOT NULL,
    amount_fen        BIGINT      NOT NULL,
    returned_quantity BIGINT      DEFAULT 0 NOT NULL,
    PRIMARY KEY (sale, line_no)
);

CREATE TABLE sales_return (
    id              UUID PRIMARY KEY,
    sale            UUID        NOT NULL REFERENCES sales_sale (id),
    refund_id       UUID,
    refund_status   VARCHAR(20),
    approved_by     VARCHAR(64),
    amount_fen      BIGINT      NOT NULL,
    reason          VARCHAR(200) NOT NULL,
    idempotency_key VARCHAR(80) NOT NULL,
    request_sha256  VARCHAR(64) NOT NULL,
    clerk           VARCHAR(64) NOT NULL,
    terminal        VARCHAR(40) NOT NULL,
    returned_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX sales_return_idempotency ON sales_return (idempotency_key);
CREATE INDEX sales_return_sale ON sales_return (sale);
-- returns whose refund was not asked for yet (a crash between recording and refunding)
CREATE INDEX sales_return_unrefunded ON sales_return (refund_id);

CREATE TABLE sales_return_line (
    return_id UUID        NOT NULL REFERENCES sales_return (id),
    line_no   INT         NOT NULL,
    quantity  BIGINT      NOT NULL CHECK (quantity > 0),
    amount_fen BIGINT     NOT NULL,
    PRIMARY KEY (return_id, line_no)
);
