-- Orders the platform took for listed lots (feed online-orders). The goods are taken from stock the
-- moment the order arrives (reference online:<id>), so the counter cannot sell them twice; the clerk
-- ships them through the sending flow, the postage billed to the platform order. The buyer's phone is
-- kept only encrypted (for the waybill) and masked beside it.
-- RESERVED → SHIPPED, or CANCELLED (stock back, with a reason); CANNOT_FILL when the goods were gone.
CREATE TABLE consignment_online_order (
    id               UUID PRIMARY KEY,
    listing_id       UUID          NOT NULL REFERENCES consignment_listing (id),
    lot_id           UUID          NOT NULL REFERENCES consignment_lot (id),
    quantity         BIGINT        NOT NULL CHECK (quantity > 0),
    amount_fen       BIGINT        NOT NULL CHECK (amount_fen >= 0),
    shipping_fen     BIGINT        NOT NULL CHECK (shipping_fen >= 0),
    recipient_name   VARCHAR(20)   NOT NULL,
    recipient_phone_enc VARCHAR(200),
    recipient_phone_masked VARCHAR(20),
    province         VARCHAR(8)    NOT NULL,
    address          VARCHAR(120)  NOT NULL,
    status           VARCHAR(12)   NOT NULL,
    reason           VARCHAR(200),
    shipment_id      UUID,
    waybill          VARCHAR(32),
    sending_cost_fen BIGINT,
    received_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX consignment_online_order_status ON consignment_online_order (status, received_at);
