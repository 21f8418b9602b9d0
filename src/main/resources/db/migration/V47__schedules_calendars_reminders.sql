-- The zone a group meets in: its weekly sessions keep their wall-clock time there across daylight saving changes.
ALTER TABLE groups ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC';

-- A session not yet held can be cancelled (it keeps its number and is skipped) or moved (moved_from keeps the time
-- it was first planned for).
ALTER TABLE group_sessions ADD COLUMN cancelled_at TIMESTAMPTZ;
ALTER TABLE group_sessions ADD COLUMN moved_from TIMESTAMPTZ;
CREATE INDEX group_sessions_upcoming ON group_sessions (scheduled_at)
  WHERE cancelled_at IS NULL AND started_at IS NULL;

-- The secret in each account's calendar feed address; rotating it replaces the row's token.
CREATE TABLE calendar_tokens (
  user_id    BIGINT PRIMARY KEY REFERENCES users (id),
  token      TEXT NOT NULL UNIQUE,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One row per person and session time, inserted by the node that decides to send the reminder (the primary key makes
-- that decision once across every node and restart). A send that failed is tried again at next_try_at while the
-- session is still ahead; a moved session is a new scheduled_at, so it gets a reminder of its own.
CREATE TABLE reminders_sent (
  group_id       BIGINT NOT NULL REFERENCES groups (id),
  session_number INT NOT NULL,
  user_id        BIGINT NOT NULL REFERENCES users (id),
  scheduled_at   TIMESTAMPTZ NOT NULL,
  claimed_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  attempts       INT NOT NULL DEFAULT 1,
  next_try_at    TIMESTAMPTZ NOT NULL,
  sent_at        TIMESTAMPTZ,
  PRIMARY KEY (group_id, session_number, user_id, scheduled_at)
);
CREATE INDEX reminders_sent_retry ON reminders_sent (next_try_at) WHERE sent_at IS NULL;
