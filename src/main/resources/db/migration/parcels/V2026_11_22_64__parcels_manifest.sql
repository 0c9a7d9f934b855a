-- Courier manifests from central: parcels on their way, with the recipient's phone, so check-in
-- needs only a scan. Erased with the other phone numbers after the configured days.
CREATE TABLE parcels_manifest (
    waybill     VARCHAR(32) PRIMARY KEY,
    courier     VARCHAR(16),
    phone       VARCHAR(20) NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX parcels_manifest_received ON parcels_manifest (received_at);

-- What central's SMS provider made of each notification.
ALTER TABLE parcels_notification ADD COLUMN result_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE parcels_notification ADD COLUMN reason VARCHAR(200);
