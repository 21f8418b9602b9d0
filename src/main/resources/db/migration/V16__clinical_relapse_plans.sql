-- The member's relapse-prevention plan, written during the termination phase: early warning signs, what helps,
-- and whom to turn to. One per member and group, rewritten as the member refines it.
CREATE TABLE relapse_plans (
  group_id      BIGINT NOT NULL REFERENCES groups (id),
  user_id       BIGINT NOT NULL REFERENCES users (id),
  warning_signs TEXT,
  strategies    TEXT,
  supports      TEXT,
  updated_by    BIGINT NOT NULL REFERENCES users (id),
  updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (group_id, user_id)
);
