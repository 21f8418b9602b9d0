-- A member's Stanley-Brown safety plan in a group: six lists of short texts.
CREATE TABLE safety_plans (
  group_id   BIGINT NOT NULL REFERENCES groups (id),
  user_id    BIGINT NOT NULL REFERENCES users (id),
  plan       JSONB NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_by BIGINT NOT NULL REFERENCES users (id),
  PRIMARY KEY (group_id, user_id)
);
