CREATE TABLE counter_staff_call (
    id          UUID PRIMARY KEY,
    terminal    VARCHAR(40) NOT NULL,
    called_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at TIMESTAMP WITH TIME ZONE,
    answered_by VARCHAR(64)
);
CREATE INDEX counter_staff_call_open ON counter_staff_call (answered_at, called_at);
