-- Cash on delivery: the amount to take before release, and the payment that took it.
ALTER TABLE parcels_parcel ADD COLUMN cod_fen BIGINT;
ALTER TABLE parcels_parcel ADD COLUMN payment_id UUID;
