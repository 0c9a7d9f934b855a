-- The counter's request queue: numbered requests (per station day) that kiosk services and other
-- modules put on every counter screen — pay cash at the counter, help me buy, a cash refund to hand
-- over — each taken by a clerk, then done.
CREATE TABLE counter_request (
    id            UUID PRIMARY KEY,
    request_day   DATE        NOT NULL,
    number        INT         NOT NULL,
    kind          VARCHAR(24) NOT NULL,
    detail        VARCHAR(200) NOT NULL,
    from_terminal VARCHAR(40) NOT NULL,
    route         VARCHAR(200),
    posted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    taken_by      VARCHAR(64),
    taken_at      TIMESTAMP WITH TIME ZONE,
    done_at       TIMESTAMP WITH TIME ZONE,
    UNIQUE (request_day, number)
);
CREATE INDEX counter_request_open ON counter_request (taken_at, posted_at);
