-- An alert is followed up: open, then acknowledged, then resolved with an outcome (and a facilitator-only note).
ALTER TABLE alerts
  ADD COLUMN status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'resolved')),
  ADD COLUMN acknowledged_at TIMESTAMPTZ,
  ADD COLUMN acknowledged_by BIGINT REFERENCES users (id),
  ADD COLUMN outcome         TEXT CHECK (outcome IN ('no_risk', 'safety_plan', 'referred', 'emergency', 'other')),
  ADD COLUMN note            TEXT,
  -- Escalation: set once, by the one node whose conditional UPDATE claims it.
  ADD COLUMN escalated_at    TIMESTAMPTZ,
  -- The escalation e-mail: due (or leased to a sender) until sent; attempts drive the back-off.
  ADD COLUMN mail_due_at     TIMESTAMPTZ,
  ADD COLUMN mail_attempts   INT NOT NULL DEFAULT 0,
  ADD COLUMN mailed_at       TIMESTAMPTZ;

UPDATE alerts SET status = 'resolved' WHERE resolved_at IS NOT NULL;

-- A member reports a message once: the same reporter and seq make no second alert.
CREATE UNIQUE INDEX alerts_report_once ON alerts (group_id, (ref ->> 'seq'), (ref ->> 'reporterId'))
  WHERE kind = 'report';
CREATE INDEX alerts_to_escalate ON alerts (at) WHERE status = 'open' AND escalated_at IS NULL;
CREATE INDEX alerts_mail_due ON alerts (mail_due_at) WHERE mail_due_at IS NOT NULL;
CREATE INDEX alerts_group_status ON alerts (group_id, status, id);
