-- Listings of lots on the platform: written at the counter (title, description, price, quantity
-- offered, the lot's picture), checked against the listing rules, reviewed by the station's manager,
-- then sent to central (event LotListed), whose operator approves or rejects it with a reason (feed
-- listing-reviews). SUBMITTED → SENT → LISTED, or REJECTED (by the manager or central) with reason.
CREATE TABLE consignment_listing (
    id           UUID PRIMARY KEY,
    lot_id       UUID          NOT NULL REFERENCES consignment_lot (id),
    title        VARCHAR(60)   NOT NULL,
    description  VARCHAR(2000) NOT NULL,
    price_fen    BIGINT        NOT NULL CHECK (price_fen > 0),
    quantity     BIGINT        NOT NULL CHECK (quantity > 0),
    status       VARCHAR(12)   NOT NULL,
    reason       VARCHAR(200),
    clerk        VARCHAR(64)   NOT NULL,
    reviewed_by  VARCHAR(64),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX consignment_listing_status ON consignment_listing (status, updated_at);
CREATE INDEX consignment_listing_lot ON consignment_listing (lot_id);
