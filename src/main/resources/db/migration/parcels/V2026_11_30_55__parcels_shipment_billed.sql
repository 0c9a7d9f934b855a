-- A parcel sent for the platform (a consignment lot's online order): nobody pays at the counter; the
-- postage is billed to the platform order named in billed_to, which central settles with the station.
ALTER TABLE parcels_shipment ALTER COLUMN payment_id DROP NOT NULL;
ALTER TABLE parcels_shipment ADD COLUMN billed_to VARCHAR(64);
