-- A member's optional second focus area, next to focus_area (primary) and focus_goal (the first goal's text).
ALTER TABLE group_members ADD COLUMN focus_secondary_area TEXT
  CHECK (focus_secondary_area IN ('grief', 'role_dispute', 'role_transition', 'interpersonal_deficits'));

-- One to three concrete goals per member; a goal keeps its id while its text stays, so its ratings stay with it.
CREATE TABLE member_goals (
  id         BIGSERIAL PRIMARY KEY,
  group_id   BIGINT NOT NULL REFERENCES groups (id),
  user_id    BIGINT NOT NULL REFERENCES users (id),
  position   INT NOT NULL,
  text       TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  removed_at TIMESTAMPTZ
);
CREATE INDEX member_goals_member ON member_goals (group_id, user_id, position);

-- The member's rating of a goal at a session, 0-10; rating again at the same session replaces it.
CREATE TABLE goal_ratings (
  goal_id    BIGINT NOT NULL REFERENCES member_goals (id),
  session    INT NOT NULL CHECK (session >= 0),
  rating     INT NOT NULL CHECK (rating BETWEEN 0 AND 10),
  entered_by BIGINT NOT NULL REFERENCES users (id),
  at         TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (goal_id, session)
);
