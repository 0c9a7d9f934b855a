-- Assisted buying at central: the catalog feed, offers, and orders from stations.
--
-- Every change to the catalog (a product, a category, an offer, a product's orderable stock) takes
-- the next number of central_catalog_clock while holding its row lock until it commits, so the
-- catalog feed's cursor (version) only ever grows in commit order and a station's pull never skips.
CREATE TABLE central_catalog_clock (
    id           INT    PRIMARY KEY CHECK (id = 1),
    last_version BIGINT NOT NULL
);
INSERT INTO central_catalog_clock (id, last_version) VALUES (1, 0);

ALTER TABLE central_category ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE central_product ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
-- stock - reserved as the catalog feed last told the stations
ALTER TABLE central_product ADD COLUMN published_available BIGINT NOT NULL DEFAULT 0;
CREATE INDEX central_product_version ON central_product (version);

-- Time-limited offers. DISCOUNT: percent_off off the lines of a category (or every line); COUPON:
-- amount_off_fen off an order of at least threshold_fen. They never stack: an order gets the one
-- that takes most off.
CREATE TABLE central_offer (
    id             VARCHAR(20)  PRIMARY KEY,
    kind           VARCHAR(10)  NOT NULL CHECK (kind IN ('DISCOUNT', 'COUPON')),
    description    VARCHAR(60)  NOT NULL,
    category       VARCHAR(20)  REFERENCES central_category (code),
    percent_off    INT          CHECK (percent_off BETWEEN 1 AND 90),
    threshold_fen  BIGINT       NOT NULL DEFAULT 0 CHECK (threshold_fen >= 0),
    amount_off_fen BIGINT       CHECK (amount_off_fen > 0),
    valid_from     TIMESTAMP WITH TIME ZONE NOT NULL,
    valid_to       TIMESTAMP WITH TIME ZONE NOT NULL,
    version        BIGINT       NOT NULL,
    CHECK ((kind = 'DISCOUNT' AND percent_off IS NOT NULL) OR (kind = 'COUPON' AND amount_off_fen IS NOT NULL))
);

-- A station's order: its number is the station's own (the idempotency key), its lines hold the
-- price the resident agreed to. REVIEW holds its reservation without a deadline until the station
-- approves it; RESERVED holds it until reserved_until (and a grace for a payment on its way).
CREATE TABLE central_shop_order (
    order_no        VARCHAR(40)  PRIMARY KEY,
    station_id      VARCHAR(64)  NOT NULL REFERENCES central_station (id),
    status          VARCHAR(12)  NOT NULL,
    total_fen       BIGINT       NOT NULL CHECK (total_fen >= 0),
    discount_fen    BIGINT       NOT NULL CHECK (discount_fen >= 0),
    offer_kind      VARCHAR(10),
    offer_text      VARCHAR(60),
    reserved_until  TIMESTAMP WITH TIME ZONE,
    payment_ref     VARCHAR(64),
    commission_fen  BIGINT,
    courier         VARCHAR(20),
    waybill         VARCHAR(32),
    placed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    paid_at         TIMESTAMP WITH TIME ZONE,
    shipped_at      TIMESTAMP WITH TIME ZONE,
    received_at     TIMESTAMP WITH TIME ZONE,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX central_shop_order_status ON central_shop_order (status, reserved_until);
CREATE INDEX central_shop_order_station ON central_shop_order (station_id, placed_at);

CREATE TABLE central_shop_order_line (
    order_no   VARCHAR(40) NOT NULL REFERENCES central_shop_order (order_no),
    product_id VARCHAR(20) NOT NULL REFERENCES central_product (product_id),
    quantity   BIGINT      NOT NULL CHECK (quantity > 0),
    price_fen  BIGINT      NOT NULL CHECK (price_fen > 0),
    PRIMARY KEY (order_no, product_id)
);
