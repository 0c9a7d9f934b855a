-- The persistent print queue: a job stays QUEUED (and is retried) until its printer takes it or
-- staff cancel it; the encoded bytes and the PNG preview are stored with it.
CREATE TABLE devices_print_job (
    id              UUID PRIMARY KEY,
    device          VARCHAR(64)  NOT NULL,
    document        VARCHAR(40)  NOT NULL,
    payload         BYTEA        NOT NULL,
    preview         BYTEA        NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    attempts        INT          NOT NULL,
    last_error      VARCHAR(400),
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    printed_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX devices_print_job_queue ON devices_print_job (device, state, created_at);
