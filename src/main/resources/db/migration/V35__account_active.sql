-- An account that was erased on request (or later switched off) can no longer sign in; its id stays so that the
-- group logs and signed progress notes still refer to someone.
ALTER TABLE users ADD COLUMN active BOOLEAN NOT NULL DEFAULT true;
