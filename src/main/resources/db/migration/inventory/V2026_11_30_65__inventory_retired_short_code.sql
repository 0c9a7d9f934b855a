-- Short codes a good no longer answers to: when a weighed good is repriced (a consignment lot marked
-- down), it gets a new short code so labels printed at the old price cannot sell; scanning one says
-- the label is void instead of charging its old price.
CREATE TABLE inventory_retired_short_code (
    short_code CHAR(5)     PRIMARY KEY,
    sku        VARCHAR(40) NOT NULL,
    reason     VARCHAR(40) NOT NULL,
    retired_at TIMESTAMP WITH TIME ZONE NOT NULL
);
