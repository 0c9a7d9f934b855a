-- Listings stations sent (event LotListed) for the platform, and the operator's decision, which goes
-- back to the station on its listing-reviews feed. PENDING → LISTED or REJECTED (with a reason).
CREATE TABLE central_listing (
    id           UUID PRIMARY KEY,
    station_id   VARCHAR(64)   NOT NULL REFERENCES central_station (id),
    lot_no       VARCHAR(20)   NOT NULL,
    product_code VARCHAR(20)   NOT NULL,
    product_name VARCHAR(40)   NOT NULL,
    grade        VARCHAR(10)   NOT NULL,
    unit         VARCHAR(8)    NOT NULL,
    title        VARCHAR(60)   NOT NULL,
    description  VARCHAR(2000) NOT NULL,
    price_fen    BIGINT        NOT NULL,
    quantity     BIGINT        NOT NULL,
    origin       VARCHAR(40)   NOT NULL,
    harvested_on DATE          NOT NULL,
    thumbnail    VARCHAR(12000),
    status       VARCHAR(12)   NOT NULL,
    reason       VARCHAR(200),
    reviewed_by  VARCHAR(64),
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    reviewed_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX central_listing_status ON central_listing (status, received_at);
