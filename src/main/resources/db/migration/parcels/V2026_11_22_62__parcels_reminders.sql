-- How many reminders the recipient of a parcel in store has been sent.
ALTER TABLE parcels_parcel ADD COLUMN reminders_sent INT DEFAULT 0 NOT NULL;
