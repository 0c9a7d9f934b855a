-- A consignor's number (寄售编号), printed with a 4-digit check code on intake receipts and
-- statements: typed at the kiosk's keypad (or scanned) it shows the consignor their balance. Numbers
-- are handed out from consignment_sequence, whose row is locked while one is taken.
CREATE TABLE consignment_sequence (
    name VARCHAR(20) PRIMARY KEY,
    next_value BIGINT NOT NULL
);
INSERT INTO consignment_sequence (name, next_value) SELECT 'account', 100001 + COUNT(*) FROM consignment_consignor;

ALTER TABLE consignment_consignor ADD COLUMN account_no BIGINT;
UPDATE consignment_consignor SET account_no = 100001 + (SELECT COUNT(*) FROM consignment_consignor c2
    WHERE c2.created_at < consignment_consignor.created_at OR (c2.created_at = consignment_consignor.created_at AND c2.id < consignment_consignor.id));
ALTER TABLE consignment_consignor ALTER COLUMN account_no SET NOT NULL;
CREATE UNIQUE INDEX consignment_consignor_account ON consignment_consignor (account_no);
