-- Residents the station buys for: kept for repeat visits, the phone encrypted (looked up by a keyed
-- hash) and shown masked; forgotten a year after their last order.
CREATE TABLE shopping_resident (
    id            UUID         PRIMARY KEY,
    phone_hash    VARCHAR(64)  NOT NULL UNIQUE,
    phone_sealed  VARCHAR(200) NOT NULL,
    phone_masked  VARCHAR(20)  NOT NULL,
    name          VARCHAR(20),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_order_at TIMESTAMP WITH TIME ZONE
);

-- An order placed for a resident. order_no is the station's and central's key; check_code (4 digits)
-- is printed on the receipt for the kiosk's 我的订单. Consent: how (DISPLAY tap or SIGNED slip), when,
-- at which terminal, recorded once.
CREATE TABLE shopping_order (
    id               UUID         PRIMARY KEY,
    order_no         VARCHAR(40)  NOT NULL UNIQUE,
    check_code       VARCHAR(4)   NOT NULL,
    idempotency_key  VARCHAR(80)  NOT NULL UNIQUE,
    resident_id      UUID         NOT NULL REFERENCES shopping_resident (id),
    status           VARCHAR(12)  NOT NULL,
    delivery         VARCHAR(8)   NOT NULL CHECK (delivery IN ('STATION', 'HOME')),
    address_sealed   VARCHAR(400),
    total_fen        BIGINT       NOT NULL CHECK (total_fen >= 0),
    discount_fen     BIGINT       NOT NULL CHECK (discount_fen >= 0),
    offer_kind       VARCHAR(10),
    offer_text       VARCHAR(60),
    reserved_until   TIMESTAMP WITH TIME ZONE,
    review_reasons   VARCHAR(200),
    reviewed_by      VARCHAR(64),
    review_note      VARCHAR(200),
    consent_how      VARCHAR(8),
    consent_at       TIMESTAMP WITH TIME ZONE,
    consent_terminal VARCHAR(40),
    payment_id       UUID,
    payment_key      VARCHAR(80),
    paid_confirmed   BOOLEAN      NOT NULL DEFAULT FALSE,
    courier          VARCHAR(20),
    waybill          VARCHAR(32),
    parcel_id        UUID,
    placed_by        VARCHAR(64)  NOT NULL,
    terminal         VARCHAR(40)  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at      TIMESTAMP WITH TIME ZONE,
    completed_at     TIMESTAMP WITH TIME ZONE,
    refunded_fen     BIGINT       NOT NULL DEFAULT 0,
    version          INT          NOT NULL
);
CREATE INDEX shopping_order_status ON shopping_order (status, created_at);
CREATE INDEX shopping_order_resident ON shopping_order (resident_id, created_at);
CREATE INDEX shopping_order_waybill ON shopping_order (waybill);

CREATE TABLE shopping_order_line (
    shopping_order UUID        NOT NULL REFERENCES shopping_order (id),
    line_no        INT         NOT NULL,
    product_id     VARCHAR(20) NOT NULL,
    name           VARCHAR(60) NOT NULL,
    quantity       BIGINT      NOT NULL CHECK (quantity > 0),
    price_fen      BIGINT      NOT NULL CHECK (price_fen > 0),
    PRIMARY KEY (shopping_order, line_no)
);

CREATE TABLE shopping_sequence (
    order_day VARCHAR(6) PRIMARY KEY,
    last_no   INT        NOT NULL
);

-- After-sales (售后): refund only, return and refund, exchange, repair. A no-reason return within the
-- window from receipt (except excluded categories) for an unopened item under the pre-approval amount
-- is APPROVED at once; anything else is PENDING until central decides. Evidence photos are files under
-- <data-dir>/after-sales/<id>/.
CREATE TABLE shopping_after_sales (
    id              UUID         PRIMARY KEY,
    order_id        UUID         NOT NULL REFERENCES shopping_order (id),
    type            VARCHAR(8)   NOT NULL CHECK (type IN ('REFUND', 'RETURN', 'EXCHANGE', 'REPAIR')),
    reason          VARCHAR(200) NOT NULL,
    unopened        BOOLEAN      NOT NULL,
    amount_fen      BIGINT       NOT NULL CHECK (amount_fen >= 0),
    status          VARCHAR(10)  NOT NULL,
    previous_status VARCHAR(12)  NOT NULL,
    photos          INT          NOT NULL DEFAULT 0,
    decision_note   VARCHAR(200),
    refund_id       UUID,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at      TIMESTAMP WITH TIME ZONE,
    done_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX shopping_after_sales_order ON shopping_after_sales (order_id);
CREATE INDEX shopping_after_sales_status ON shopping_after_sales (status, decided_at);

CREATE TABLE shopping_after_sales_line (
    after_sales_id UUID        NOT NULL REFERENCES shopping_after_sales (id),
    product_id     VARCHAR(20) NOT NULL,
    quantity       BIGINT      NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (after_sales_id, product_id)
);
