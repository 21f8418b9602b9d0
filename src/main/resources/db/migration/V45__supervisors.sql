-- Supervisors: accounts that read a group's records and receive its alerts, but never write or moderate. Kept out
-- of group_members so that nothing which counts or lists a group's people (attendance, rosters, presence) sees them.
ALTER TABLE users DROP CONSTRAINT IF EXISTS users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check
  CHECK (role IN ('admin', 'facilitator', 'member', 'supervisor'));

CREATE TABLE group_supervisors (
  group_id BIGINT NOT NULL REFERENCES groups (id),
  user_id  BIGINT NOT NULL REFERENCES users (id),
  added_by BIGINT NOT NULL REFERENCES users (id),
  added_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_supervisors_user ON group_supervisors (user_id);
