-- Work between sessions, set by a facilitator or the member, due at a session, marked done by the member with a note.
CREATE TABLE homework (
  id             BIGSERIAL PRIMARY KEY,
  group_id       BIGINT NOT NULL REFERENCES groups (id),
  user_id        BIGINT NOT NULL REFERENCES users (id),
  text           TEXT NOT NULL,
  set_by         BIGINT NOT NULL REFERENCES users (id),
  set_at_session INT NOT NULL,
  due_session    INT NOT NULL CHECK (due_session >= 1),
  created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  done_at        TIMESTAMPTZ,
  done_by        BIGINT REFERENCES users (id),
  note           TEXT
);
CREATE INDEX homework_member ON homework (group_id, user_id, id);
CREATE INDEX homework_due ON homework (group_id, due_session);
