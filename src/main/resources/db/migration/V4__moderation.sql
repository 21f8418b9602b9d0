-- The earliest moment something in the group's state runs out by itself (a timed mute, a go-round turn),
-- so that any node can find and apply it.
ALTER TABLE groups ADD COLUMN next_deadline TIMESTAMPTZ;
CREATE INDEX groups_next_deadline ON groups (next_deadline) WHERE next_deadline IS NOT NULL;

CREATE TABLE whispers (
  id        BIGSERIAL PRIMARY KEY,
  group_id  BIGINT NOT NULL REFERENCES groups (id),
  from_id   BIGINT NOT NULL REFERENCES users (id),
  to_id     BIGINT REFERENCES users (id),
  text      TEXT NOT NULL,
  at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX whispers_group ON whispers (group_id, id);
