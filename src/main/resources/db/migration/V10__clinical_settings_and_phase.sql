-- A group's clinical settings: how often questionnaires are due (0: only before and at the end) and whether GAD-7
-- is scheduled next to PHQ-9. A group without a row uses the defaults below.
CREATE TABLE clinical_settings (
  group_id      BIGINT PRIMARY KEY REFERENCES groups (id),
  measure_every INT NOT NULL DEFAULT 4 CHECK (measure_every BETWEEN 0 AND 16),
  gad7          BOOLEAN NOT NULL DEFAULT false,
  updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The clinical phase a facilitator moved the group to, one row per move; no row means the initial phase.
-- Each move is also a phase_changed event in group_events, written in the same transaction.
CREATE TABLE phase_changes (
  id              BIGSERIAL PRIMARY KEY,
  group_id        BIGINT NOT NULL REFERENCES groups (id),
  phase           TEXT NOT NULL CHECK (phase IN ('initial', 'middle', 'termination')),
  session         INT NOT NULL,
  actor_id        BIGINT NOT NULL REFERENCES users (id),
  override_reason TEXT,
  at              TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX phase_changes_group ON phase_changes (group_id, id);
