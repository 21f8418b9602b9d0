-- The last TOTP time step an account used (login, enable, disable): a code of that step or an earlier one is refused.
ALTER TABLE users ADD COLUMN IF NOT EXISTS totp_last_step BIGINT;
