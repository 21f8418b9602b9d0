-- Events counted against limits that every node of a cluster must share (failed sign-ins): one row per event,
-- kept one window long. kind names the limit, key what it counts (a username, an address).
CREATE TABLE limit_events (
  id BIGSERIAL PRIMARY KEY,
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  at_ms BIGINT NOT NULL
);
CREATE INDEX limit_events_key ON limit_events (kind, key, at_ms);
CREATE INDEX limit_events_age ON limit_events (kind, at_ms);
