-- Protocols an admin defined (the built-ins live in protocols/protocols.json). A definition is never changed
-- once stored: groups created with it keep their plan.
CREATE TABLE protocols (
  id         TEXT PRIMARY KEY,
  definition JSONB NOT NULL,
  created_by BIGINT NOT NULL REFERENCES users (id),
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The group's clinical phase (phase_changes keeps the history of moves) and its plan's phase split, resolved for its
-- length when it was created: sessions 1..initial_until initial, termination_from..session_count termination.
ALTER TABLE groups
  ADD COLUMN phase TEXT NOT NULL DEFAULT 'initial' CHECK (phase IN ('initial', 'middle', 'termination')),
  ADD COLUMN initial_until INT,
  ADD COLUMN termination_from INT;
UPDATE groups g SET
  phase = coalesce((SELECT p.phase FROM phase_changes p WHERE p.group_id = g.id ORDER BY p.id DESC LIMIT 1),
                   'initial'),
  initial_until = coalesce((SELECT max(s.number) FROM group_sessions s WHERE s.group_id = g.id
                            AND s.phase = 'initial'), 0),
  termination_from = coalesce((SELECT min(s.number) FROM group_sessions s WHERE s.group_id = g.id
                               AND s.phase = 'termination'), g.session_count + 1);
ALTER TABLE groups ALTER COLUMN initial_until SET NOT NULL, ALTER COLUMN termination_from SET NOT NULL;

-- A member whose participation ended (a dropout): their data stays, they no longer take part.
ALTER TABLE group_members
  ADD COLUMN ended_at   TIMESTAMPTZ,
  ADD COLUMN ended_by   BIGINT REFERENCES users (id),
  ADD COLUMN end_reason TEXT;

-- Why a facilitator enrolled a member after enrolment had closed. Reasons stay on the enrolment row, shown to the
-- group's facilitators; the audit records that an override happened, never its words.
ALTER TABLE group_members ADD COLUMN enrol_override_reason TEXT;
