-- Questionnaires as answered: every answer kept, the total and band computed by the server at the time.
-- session 0 is the pre-group meeting, 1..N the group sessions.
CREATE TABLE measures (
  id         BIGSERIAL PRIMARY KEY,
  group_id   BIGINT NOT NULL REFERENCES groups (id),
  user_id    BIGINT NOT NULL REFERENCES users (id),
  instrument TEXT NOT NULL CHECK (instrument IN ('phq9', 'gad7')),
  answers    INT[] NOT NULL,
  total      INT NOT NULL,
  severity   TEXT NOT NULL,
  session    INT NOT NULL CHECK (session >= 0),
  entered_by BIGINT NOT NULL REFERENCES users (id),
  at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX measures_member ON measures (group_id, user_id, id);
