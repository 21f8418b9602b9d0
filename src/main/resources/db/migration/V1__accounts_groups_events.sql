CREATE TABLE users (
  id            BIGSERIAL PRIMARY KEY,
  username      TEXT NOT NULL,
  display_name  TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('admin', 'facilitator', 'member')),
  password_hash TEXT NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_username_key ON users (lower(username));

CREATE TABLE groups (
  id               BIGSERIAL PRIMARY KEY,
  name             TEXT NOT NULL,
  protocol         TEXT NOT NULL,
  session_count    INT NOT NULL,
  first_session_at TIMESTAMPTZ NOT NULL,
  duration_minutes INT NOT NULL,
  created_by       BIGINT NOT NULL REFERENCES users (id),
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  -- The state below is derived from group_events and written in the same transaction as the event.
  last_seq         BIGINT NOT NULL DEFAULT 0,
  current_session  INT NOT NULL DEFAULT 0,
  session_status   TEXT NOT NULL DEFAULT 'planned' CHECK (session_status IN ('planned', 'live', 'ended')),
  state            JSONB NOT NULL DEFAULT '{}'
);

CREATE TABLE group_sessions (
  group_id     BIGINT NOT NULL REFERENCES groups (id),
  number       INT NOT NULL,
  phase        TEXT NOT NULL,
  scheduled_at TIMESTAMPTZ NOT NULL,
  started_at   TIMESTAMPTZ,
  ended_at     TIMESTAMPTZ,
  PRIMARY KEY (group_id, number)
);

CREATE TABLE group_members (
  group_id    BIGINT NOT NULL REFERENCES groups (id),
  user_id     BIGINT NOT NULL REFERENCES users (id),
  role        TEXT NOT NULL CHECK (role IN ('facilitator', 'member')),
  focus_area  TEXT,
  focus_goal  TEXT,
  enrolled_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_members_user ON group_members (user_id);

CREATE TABLE group_events (
  group_id  BIGINT NOT NULL REFERENCES groups (id),
  seq       BIGINT NOT NULL,
  kind      TEXT NOT NULL,
  at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  actor_id  BIGINT REFERENCES users (id),
  client_id TEXT,
  body      JSONB NOT NULL DEFAULT '{}',
  PRIMARY KEY (group_id, seq)
);
CREATE UNIQUE INDEX group_events_client_id ON group_events (group_id, actor_id, client_id) WHERE client_id IS NOT NULL;

CREATE TABLE audit_log (
  id          BIGSERIAL PRIMARY KEY,
  at          TIMESTAMPTZ NOT NULL DEFAULT now(),
  actor_id    BIGINT NOT NULL,
  action      TEXT NOT NULL,
  group_id    BIGINT,
  subject_id  BIGINT,
  detail      JSONB NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_group ON audit_log (group_id, id);
