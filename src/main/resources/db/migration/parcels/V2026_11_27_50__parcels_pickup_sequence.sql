-- Pickup numbers come from a sequence: taking one holds no row lock, so concurrent check-ins no
-- longer queue behind each other's transactions (a code's uniqueness among parcels in store is
-- still checked at check-in). Station waybill numbers keep their per-day counter row.
CREATE SEQUENCE parcels_pickup_number START WITH 1;
