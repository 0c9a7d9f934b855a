-- Parcels sent from the station (寄件): paid at the counter, AWAITING_COLLECTION until the courier
-- scans them out as COLLECTED. The waybill is issued by the station and unique.
CREATE TABLE parcels_shipment (
    id               UUID PRIMARY KEY,
    waybill          VARCHAR(32)  NOT NULL UNIQUE,
    courier          VARCHAR(16)  NOT NULL,
    sender_name      VARCHAR(40)  NOT NULL,
    sender_phone     VARCHAR(20),
    recipient_name   VARCHAR(40)  NOT NULL,
    recipient_phone  VARCHAR(20),
    province         VARCHAR(4)   NOT NULL,
    address          VARCHAR(200) NOT NULL,
    grams            BIGINT       NOT NULL,
    length_cm        INT,
    width_cm         INT,
    height_cm        INT,
    chargeable_kg    BIGINT       NOT NULL,
    price_fen        BIGINT       NOT NULL,
    payment_id       UUID         NOT NULL,
    status           VARCHAR(24)  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by       VARCHAR(64)  NOT NULL,
    terminal         VARCHAR(40)  NOT NULL,
    collected_at     TIMESTAMP WITH TIME ZONE,
    collected_by     VARCHAR(64)
);
CREATE INDEX parcels_shipment_status ON parcels_shipment (status, created_at);
INSERT INTO parcels_counter (name, counter_value) VALUES ('shipment-number', 0);
