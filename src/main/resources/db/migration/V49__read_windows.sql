-- What a member may read of the group's log: from the session in which they were enrolled onward (reads_after is
-- the last seq before it), and nothing of a session past their removal from it until a readmit or the session's end.
ALTER TABLE group_members ADD COLUMN IF NOT EXISTS reads_after BIGINT NOT NULL DEFAULT 0;
CREATE INDEX IF NOT EXISTS group_events_cuts ON group_events (group_id, seq)
  WHERE kind IN ('remove', 'readmit', 'session_ended');
