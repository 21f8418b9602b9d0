-- A facilitator's progress note about one member at one session. Once signed it is a legal record: its text no
-- longer changes (later words go into addenda) and erasure of the member's account keeps it.
CREATE TABLE progress_notes (
  id         BIGSERIAL PRIMARY KEY,
  group_id   BIGINT NOT NULL REFERENCES groups (id),
  session    INT NOT NULL CHECK (session >= 0),
  user_id    BIGINT NOT NULL REFERENCES users (id),
  text       TEXT NOT NULL,
  written_by BIGINT NOT NULL REFERENCES users (id),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  signed_by  BIGINT REFERENCES users (id),
  signed_at  TIMESTAMPTZ,
  UNIQUE (group_id, session, user_id)
);
CREATE INDEX progress_notes_user ON progress_notes (user_id);

CREATE TABLE progress_note_addenda (
  id         BIGSERIAL PRIMARY KEY,
  note_id    BIGINT NOT NULL REFERENCES progress_notes (id),
  text       TEXT NOT NULL,
  written_by BIGINT NOT NULL REFERENCES users (id),
  at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX progress_note_addenda_note ON progress_note_addenda (note_id, id);

-- What the facilitators tell the members about a session once it is over; publishing appends summary_published.
CREATE TABLE session_summaries (
  group_id   BIGINT NOT NULL REFERENCES groups (id),
  number     INT NOT NULL CHECK (number >= 0),
  text       TEXT NOT NULL,
  written_by BIGINT NOT NULL REFERENCES users (id),
  at         TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (group_id, number)
);
