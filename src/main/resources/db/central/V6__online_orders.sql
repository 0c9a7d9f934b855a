-- Platform orders for stations' listed lots (the sandbox buyer places them), sent to the station on
-- its online-orders feed; the station reports shipping (with its postage, which central settles with
-- it) or that it cannot fill the order (the buyer is refunded).
CREATE TABLE central_online_order (
    id               UUID PRIMARY KEY,
    listing_id       UUID         NOT NULL REFERENCES central_listing (id),
    station_id       VARCHAR(64)  NOT NULL REFERENCES central_station (id),
    quantity         BIGINT       NOT NULL CHECK (quantity > 0),
    amount_fen       BIGINT       NOT NULL,
    shipping_fen     BIGINT       NOT NULL,
    recipient_name   VARCHAR(20)  NOT NULL,
    recipient_phone  VARCHAR(20),
    province         VARCHAR(8)   NOT NULL,
    address          VARCHAR(120) NOT NULL,
    status           VARCHAR(12)  NOT NULL,
    reason           VARCHAR(200),
    waybill          VARCHAR(32),
    sending_cost_fen BIGINT,
    placed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX central_online_order_listing ON central_online_order (listing_id);
CREATE INDEX central_online_order_placed ON central_online_order (placed_at);
