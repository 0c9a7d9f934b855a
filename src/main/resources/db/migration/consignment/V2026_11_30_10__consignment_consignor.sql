-- Consignors (寄售人): farmers and craftspeople whose goods the station sells. Their phone, ID and
-- payout account numbers are sensitive personal information (PIPL art. 28): kept only encrypted
-- (AES-GCM, the key from configuration, never in this database or its backups); the ID number is
-- found by a keyed hash (HMAC-SHA256 with a key derived from the same secret); screens and logs see
-- only the masked forms kept beside them. Consent is recorded with its time and the clerk.
CREATE TABLE consignment_consignor (
    id                    UUID PRIMARY KEY,
    name                  VARCHAR(40)  NOT NULL,
    phone_enc             VARCHAR(200),
    phone_masked          VARCHAR(20),
    id_enc                VARCHAR(200),
    id_hash               VARCHAR(64),
    id_masked             VARCHAR(20),
    payout_method         VARCHAR(8)   NOT NULL,
    payout_account_enc    VARCHAR(300),
    payout_account_masked VARCHAR(40),
    proxy_name            VARCHAR(40),
    commission_counter_pct INT         NOT NULL CHECK (commission_counter_pct BETWEEN 0 AND 100),
    commission_online_pct INT          NOT NULL CHECK (commission_online_pct BETWEEN 0 AND 100),
    period_days           INT          NOT NULL CHECK (period_days > 0),
    end_action            VARCHAR(10)  NOT NULL,
    floor_price_fen       BIGINT CHECK (floor_price_fen >= 0),
    consent_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    consent_by            VARCHAR(64)  NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the last time anything happened for this consignor (registration; later intake, sales, payouts)
    last_activity_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    erased_at             TIMESTAMP WITH TIME ZONE
);
-- one consignor per ID number (NULL once erased; H2 and PostgreSQL both allow several NULLs)
CREATE UNIQUE INDEX consignment_consignor_id_hash ON consignment_consignor (id_hash);
CREATE INDEX consignment_consignor_name ON consignment_consignor (name);
CREATE INDEX consignment_consignor_activity ON consignment_consignor (erased_at, last_activity_at);
