CREATE TABLE alerts (
  id          BIGSERIAL PRIMARY KEY,
  group_id    BIGINT NOT NULL REFERENCES groups (id),
  user_id     BIGINT NOT NULL REFERENCES users (id),
  kind        TEXT NOT NULL,
  ref         JSONB,
  at          TIMESTAMPTZ NOT NULL DEFAULT now(),
  resolved_at TIMESTAMPTZ,
  resolved_by BIGINT REFERENCES users (id)
);
CREATE INDEX alerts_group ON alerts (group_id, id);
