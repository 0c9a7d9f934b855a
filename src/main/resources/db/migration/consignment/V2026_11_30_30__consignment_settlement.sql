-- Settlement (结算): what each consignor's goods sold for, line by line. A row is one lot's part of
-- one sale line (source_id = the sale, line_no its line) or of one return line (source_id = the
-- return, quantity and amounts negative); commission is the lot's rule for the channel applied to the row's amount, rounded
-- half-up in fen, and share = amount - commission, so shares and commissions add up to gross sales.
-- A row is payable from payable_at: at once for the counter, after the after-sales window online.
CREATE TABLE consignment_sale_line (
    id             UUID PRIMARY KEY,
    source_id      UUID        NOT NULL,
    line_no        INT         NOT NULL,
    sale_id        UUID        NOT NULL,
    lot_id         UUID        NOT NULL REFERENCES consignment_lot (id),
    consignor_id   UUID        NOT NULL REFERENCES consignment_consignor (id),
    channel        VARCHAR(12) NOT NULL,
    quantity       BIGINT      NOT NULL,
    amount_fen     BIGINT      NOT NULL,
    commission_pct INT         NOT NULL,
    commission_fen BIGINT      NOT NULL,
    share_fen      BIGINT      NOT NULL,
    at             TIMESTAMP WITH TIME ZONE NOT NULL,
    payable_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CHECK (share_fen + commission_fen = amount_fen)
);
CREATE UNIQUE INDEX consignment_sale_line_source ON consignment_sale_line (source_id, line_no, lot_id);
CREATE INDEX consignment_sale_line_consignor ON consignment_sale_line (consignor_id, at);
CREATE INDEX consignment_sale_line_lot ON consignment_sale_line (lot_id);

-- Payouts to consignors, each through payments' disbursements (cash from a counter's drawer session,
-- or bank / WeChat with a reference). A consignor's balance = payable shares - payouts; the consignor's
-- row is locked while a payout is checked against it, so two clerks cannot pay the same balance.
CREATE TABLE consignment_payout (
    id              UUID PRIMARY KEY,
    consignor_id    UUID        NOT NULL REFERENCES consignment_consignor (id),
    amount_fen      BIGINT      NOT NULL CHECK (amount_fen > 0),
    method          VARCHAR(8)  NOT NULL,
    reference       VARCHAR(80),
    disbursement_id UUID        NOT NULL,
    idempotency_key VARCHAR(80) NOT NULL,
    request_sha256  VARCHAR(64) NOT NULL,
    clerk           VARCHAR(64) NOT NULL,
    terminal        VARCHAR(40) NOT NULL,
    paid_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX consignment_payout_key ON consignment_payout (idempotency_key);
CREATE INDEX consignment_payout_consignor ON consignment_payout (consignor_id, paid_at);

-- Goods of a lot written off (spoiled, damaged, given away at the end of the period), with who bears
-- the loss: CONSIGNOR (nothing is paid for them) or STATION (the consignor is paid their share at the
-- lot's price, as a settlement line of channel WRITE_OFF).
CREATE TABLE consignment_write_off (
    id           UUID PRIMARY KEY,
    lot_id       UUID        NOT NULL REFERENCES consignment_lot (id),
    consignor_id UUID        NOT NULL REFERENCES consignment_consignor (id),
    quantity     BIGINT      NOT NULL CHECK (quantity > 0),
    reason       VARCHAR(20) NOT NULL,
    borne_by     VARCHAR(10) NOT NULL,
    note         VARCHAR(200),
    clerk        VARCHAR(64) NOT NULL,
    at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX consignment_write_off_consignor ON consignment_write_off (consignor_id, at);
