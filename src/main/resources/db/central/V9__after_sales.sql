-- After-sales requests from stations: approved at the station by its rules, or decided here by the
-- operator. An approved return puts its units back in stock; an approved exchange or repair sends
-- the order back to PAID, to be shipped anew.
CREATE TABLE central_after_sales (
    id          UUID         PRIMARY KEY,
    station_id  VARCHAR(64)  NOT NULL REFERENCES central_station (id),
    order_no    VARCHAR(40)  NOT NULL REFERENCES central_shop_order (order_no),
    type        VARCHAR(8)   NOT NULL,
    reason      VARCHAR(200) NOT NULL,
    amount_fen  BIGINT       NOT NULL,
    status      VARCHAR(10)  NOT NULL,
    note        VARCHAR(200),
    lines       VARCHAR(2000) NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX central_after_sales_status ON central_after_sales (status, received_at);
