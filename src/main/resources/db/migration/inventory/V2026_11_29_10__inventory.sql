-- Goods the station sells (SKUs). sku is the station's SKU code (SKU编码); short_code the 5-digit
-- store code (店内码) that variable-measure labels carry; pinyin the initials of the name (苹果 → pg).
-- unit PIECE (quantities in pieces) or KG (quantities in grams, price_fen per kg).
CREATE TABLE inventory_sku (
    sku        VARCHAR(40) PRIMARY KEY,
    version    BIGINT      NOT NULL,
    short_code CHAR(5)     NOT NULL,
    name       VARCHAR(80) NOT NULL,
    spec       VARCHAR(60) DEFAULT '' NOT NULL,
    unit       VARCHAR(8)  NOT NULL,
    price_fen  BIGINT      NOT NULL CHECK (price_fen >= 0),
    cost_fen   BIGINT CHECK (cost_fen >= 0),
    category   VARCHAR(40) DEFAULT '' NOT NULL,
    pinyin     VARCHAR(80) NOT NULL,
    threshold  BIGINT      DEFAULT 0 NOT NULL CHECK (threshold >= 0),
    picture    BLOB,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX inventory_sku_short_code ON inventory_sku (short_code);
CREATE INDEX inventory_sku_pinyin ON inventory_sku (pinyin);

-- A SKU's barcodes (GTIN-8/13, check digit verified); a barcode belongs to one SKU.
CREATE TABLE inventory_barcode (
    barcode  VARCHAR(14) PRIMARY KEY,
    sku      VARCHAR(40) NOT NULL REFERENCES inventory_sku (sku),
    position INT         NOT NULL
);
CREATE INDEX inventory_barcode_sku ON inventory_barcode (sku);

-- Stock on hand per SKU × owner × batch × location (货位). owner is STATION, or later a consignor.
-- batch '' and location '' stand for "none given". quantity may go below zero only when a manager
-- allowed it for a sale; every change is a row in inventory_move.
CREATE TABLE inventory_stock (
    id          UUID PRIMARY KEY,
    sku         VARCHAR(40) NOT NULL REFERENCES inventory_sku (sku),
    owner       VARCHAR(40) NOT NULL,
    batch       VARCHAR(40) NOT NULL,
    location    VARCHAR(20) NOT NULL,
    produced_on DATE,
    expires_on  DATE,
    quantity    BIGINT      NOT NULL,
    cost_fen    BIGINT,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX inventory_stock_key ON inventory_stock (sku, owner, batch, location);
CREATE INDEX inventory_stock_location ON inventory_stock (location);
CREATE INDEX inventory_stock_expires ON inventory_stock (expires_on);

-- Stock moves: never edited; a mistake is corrected by a counter-move. quantity is positive except
-- for ADJUST, where it is the signed difference. stock_id is the stock row changed (for TRANSFER the
-- row taken from; to_stock_id the row put to). reference ties moves to what caused them (a sale, a
-- return, a stocktake).
CREATE TABLE inventory_move (
    id          UUID PRIMARY KEY,
    type        VARCHAR(12) NOT NULL,
    sku         VARCHAR(40) NOT NULL,
    owner       VARCHAR(40) NOT NULL,
    batch       VARCHAR(40) NOT NULL,
    stock_id    UUID        NOT NULL,
    to_stock_id UUID,
    from_location VARCHAR(20),
    to_location VARCHAR(20),
    quantity    BIGINT      NOT NULL,
    cost_fen    BIGINT,
    reason      VARCHAR(20),
    reference   VARCHAR(60),
    clerk       VARCHAR(64) NOT NULL,
    terminal    VARCHAR(40) NOT NULL,
    moved_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX inventory_move_reference ON inventory_move (reference);
CREATE INDEX inventory_move_sku ON inventory_move (sku, moved_at);
CREATE INDEX inventory_move_at ON inventory_move (moved_at);

-- Stocktakes (盘点): for one location or the whole station (location NULL). A location's system
-- quantities are taken when it is first counted (snapshot_at); moves after that are not differences.
CREATE TABLE inventory_stocktake (
    id         UUID PRIMARY KEY,
    version    BIGINT      NOT NULL,
    location   VARCHAR(20),
    status     VARCHAR(10) NOT NULL,
    started_by VARCHAR(64) NOT NULL,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    posted_by  VARCHAR(64),
    posted_at  TIMESTAMP WITH TIME ZONE
);

CREATE TABLE inventory_stocktake_line (
    stocktake   UUID        NOT NULL REFERENCES inventory_stocktake (id),
    sku         VARCHAR(40) NOT NULL,
    location    VARCHAR(20) NOT NULL,
    system_quantity BIGINT  NOT NULL,
    counted     BIGINT      DEFAULT 0 NOT NULL,
    snapshot_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (stocktake, sku, location)
);
