-- Parcels in the station. Uniqueness among parcels still in the station is kept with nullable
-- unique columns (active_waybill, active_code) that are cleared when a parcel leaves: H2 has no
-- partial indexes.
CREATE TABLE parcels_parcel (
    id             UUID PRIMARY KEY,
    waybill        VARCHAR(32)  NOT NULL,
    active_waybill VARCHAR(32)  UNIQUE,
    courier        VARCHAR(16)  NOT NULL,
    phone          VARCHAR(20),
    phone_tail     VARCHAR(4),
    size_class     VARCHAR(8)   NOT NULL,
    cold           BOOLEAN      NOT NULL,
    shelf          INT          NOT NULL,
    layer          INT          NOT NULL,
    pickup_code    VARCHAR(16)  NOT NULL,
    active_code    VARCHAR(16)  UNIQUE,
    status         VARCHAR(24)  NOT NULL,
    damage_note    VARCHAR(200),
    checked_in_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    checked_in_by  VARCHAR(64)  NOT NULL,
    terminal       VARCHAR(40)  NOT NULL,
    left_at        TIMESTAMP WITH TIME ZONE,
    left_by        VARCHAR(64),
    proxy_name     VARCHAR(40),
    proxy_phone    VARCHAR(20)
);
CREATE INDEX parcels_parcel_waybill ON parcels_parcel (waybill);
CREATE INDEX parcels_parcel_tail ON parcels_parcel (phone_tail, status);
CREATE INDEX parcels_parcel_status ON parcels_parcel (status, checked_in_at);

-- Shelf slots (shelf × layer) with their capacity and how many parcels they hold now; a check-in
-- takes a place with a guarded UPDATE, so two counters can never overfill a layer.
CREATE TABLE parcels_slot (
    shelf    INT     NOT NULL,
    layer    INT     NOT NULL,
    capacity INT     NOT NULL,
    used     INT     NOT NULL,
    cold     BOOLEAN NOT NULL,
    PRIMARY KEY (shelf, layer)
);

-- The running number in pickup codes (0000–9999, wrapping).
CREATE TABLE parcels_counter (
    name  VARCHAR(32) PRIMARY KEY,
    counter_value BIGINT NOT NULL
);
INSERT INTO parcels_counter (name, counter_value) VALUES ('pickup-number', 0);

-- Messages for recipients; delivered through central (sync), PENDING until then.
CREATE TABLE parcels_notification (
    id         UUID PRIMARY KEY,
    parcel_id  UUID        NOT NULL,
    kind       VARCHAR(24) NOT NULL,
    phone      VARCHAR(20),
    status     VARCHAR(16) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX parcels_notification_status ON parcels_notification (status, created_at);
