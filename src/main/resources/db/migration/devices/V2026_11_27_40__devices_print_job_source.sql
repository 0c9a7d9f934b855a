-- A job keeps the printer-independent document (JSON); the printer's bytes are encoded when the job
-- is printed and the PNG preview is rendered when someone asks to see it, not in the transaction
-- that queued the job.
ALTER TABLE devices_print_job ADD COLUMN source BYTEA;
ALTER TABLE devices_print_job ALTER COLUMN payload DROP NOT NULL;
ALTER TABLE devices_print_job ALTER COLUMN preview DROP NOT NULL;
