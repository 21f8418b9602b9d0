-- Days after a group's last planned session ends before the words said in it are purged (NULL: kept).
-- Events, their seqs and every clinical record stay; only message texts, whisper texts and report reasons go.
ALTER TABLE groups ADD COLUMN retention_days INT CHECK (retention_days IS NULL OR retention_days BETWEEN 0 AND 36500);
ALTER TABLE whispers ADD COLUMN purged_at TIMESTAMPTZ;
CREATE INDEX group_sessions_ended ON group_sessions (ended_at) WHERE ended_at IS NOT NULL;
