-- An after-sales return's parcel back to the platform's returns warehouse, sent through the sending
-- flow with its postage billed to the platform.
ALTER TABLE shopping_after_sales ADD COLUMN return_shipment_id UUID;
ALTER TABLE shopping_after_sales ADD COLUMN return_waybill VARCHAR(32);
