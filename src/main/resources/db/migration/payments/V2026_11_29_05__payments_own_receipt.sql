-- a caller that prints its own receipt (a sale's, with its lines): no payment receipt is printed
ALTER TABLE payments_payment ADD COLUMN own_receipt BOOLEAN DEFAULT FALSE NOT NULL;
