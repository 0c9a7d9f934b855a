-- Markdowns of lots (the price per kg or piece lowered, the lot's SKU given a new short code so old
-- labels do not sell), and when a lot's consignment period ended and what was done (closed_at).
CREATE TABLE consignment_markdown (
    id             UUID PRIMARY KEY,
    lot_id         UUID        NOT NULL REFERENCES consignment_lot (id),
    from_price_fen BIGINT      NOT NULL,
    to_price_fen   BIGINT      NOT NULL CHECK (to_price_fen > 0),
    percent_off    INT         NOT NULL,
    clerk          VARCHAR(64) NOT NULL,
    at             TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX consignment_markdown_lot ON consignment_markdown (lot_id, at);
ALTER TABLE consignment_lot ADD COLUMN closed_at TIMESTAMP WITH TIME ZONE;
