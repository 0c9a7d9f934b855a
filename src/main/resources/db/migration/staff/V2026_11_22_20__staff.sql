CREATE TABLE staff_account (
    id            UUID PRIMARY KEY,
    username      VARCHAR(32)  NOT NULL UNIQUE,
    display_name  VARCHAR(100) NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    enabled       BOOLEAN      NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Consecutive sign-in failures of one username at one place (a terminal, or an address when unpaired).
CREATE TABLE staff_sign_in_throttle (
    username     VARCHAR(64) NOT NULL,
    place        VARCHAR(80) NOT NULL,
    failures     INT         NOT NULL,
    lockouts     INT         NOT NULL,
    locked_until TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (username, place)
);

CREATE TABLE staff_audit (
    id       UUID PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor    VARCHAR(64)  NOT NULL,
    terminal VARCHAR(40)  NOT NULL,
    action   VARCHAR(64)  NOT NULL,
    subject  VARCHAR(400) NOT NULL
);
CREATE INDEX staff_audit_occurred_at ON staff_audit (occurred_at);
