-- Individual meetings of a member with a facilitator before the group, at mid-course and after it. Without a row a
-- meeting is at its default time from the plan; a row moves it or records that it was held.
CREATE TABLE individual_meetings (
  group_id     BIGINT NOT NULL REFERENCES groups (id),
  user_id      BIGINT NOT NULL REFERENCES users (id),
  kind         TEXT NOT NULL CHECK (kind IN ('pre_group', 'mid_course', 'post_group')),
  scheduled_at TIMESTAMPTZ,
  held_at      TIMESTAMPTZ,
  updated_by   BIGINT NOT NULL REFERENCES users (id),
  updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (group_id, user_id, kind)
);
