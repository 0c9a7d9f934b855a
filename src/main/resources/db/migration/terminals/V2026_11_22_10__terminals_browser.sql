-- Browsers known to the station; a paired browser names its terminal. Only the SHA-256 of the
-- cookie token is stored.
CREATE TABLE terminals_browser (
    id                      UUID PRIMARY KEY,
    token_hash              VARCHAR(64) NOT NULL UNIQUE,
    terminal_id             VARCHAR(40),
    pairing_code            VARCHAR(6) UNIQUE,
    pairing_code_expires_at TIMESTAMP WITH TIME ZONE,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    paired_at               TIMESTAMP WITH TIME ZONE,
    paired_by               VARCHAR(64)
);
CREATE INDEX terminals_browser_terminal ON terminals_browser (terminal_id);
