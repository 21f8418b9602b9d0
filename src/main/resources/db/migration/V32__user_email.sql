-- Where an account can be reached by e-mail (alert escalations); optional, one account per address.
ALTER TABLE users ADD COLUMN email TEXT;
CREATE UNIQUE INDEX users_email_key ON users (lower(email)) WHERE email IS NOT NULL;
