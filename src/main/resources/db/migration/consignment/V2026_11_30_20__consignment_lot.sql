-- A lot: what one consignor brought of one product on one day, stock owned by the consignor
-- (inventory_stock.owner = the consignor's id, batch = lot_no), sold through its own SKU whose short
-- code its scale labels carry. The consignor's terms are snapshotted onto the lot.
CREATE TABLE consignment_lot (
    id                     UUID PRIMARY KEY,
    lot_no                 VARCHAR(20)  NOT NULL,
    consignor_id           UUID         NOT NULL REFERENCES consignment_consignor (id),
    product_code           VARCHAR(20)  NOT NULL,
    product_name           VARCHAR(40)  NOT NULL,
    grade                  VARCHAR(10)  NOT NULL,
    unit                   VARCHAR(8)   NOT NULL,
    sku                    VARCHAR(40)  NOT NULL,
    short_code             CHAR(5)      NOT NULL,
    unit_price_fen         BIGINT       NOT NULL CHECK (unit_price_fen > 0),
    quantity               BIGINT       NOT NULL CHECK (quantity > 0),
    origin                 VARCHAR(40)  NOT NULL,
    harvested_on           DATE         NOT NULL,
    commitment_basis       VARCHAR(20),
    commission_counter_pct INT          NOT NULL,
    commission_online_pct  INT          NOT NULL,
    period_days            INT          NOT NULL,
    end_action             VARCHAR(10)  NOT NULL,
    floor_price_fen        BIGINT,
    clerk                  VARCHAR(64)  NOT NULL,
    terminal               VARCHAR(40)  NOT NULL,
    received_at            TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX consignment_lot_no ON consignment_lot (lot_no);
CREATE INDEX consignment_lot_consignor ON consignment_lot (consignor_id);

-- each label printed for a lot: one per bag (weighed) or piece
CREATE TABLE consignment_label (
    lot_id   UUID        NOT NULL REFERENCES consignment_lot (id),
    position INT         NOT NULL,
    barcode  VARCHAR(13) NOT NULL,
    quantity BIGINT      NOT NULL,
    price_fen BIGINT     NOT NULL,
    PRIMARY KEY (lot_id, position)
);
