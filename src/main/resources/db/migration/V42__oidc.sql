-- OpenID Connect sign-in: the provider's subject an account is linked to, and the logins under way (state and PKCE
-- verifier), in the database so that the callback may reach any node.
ALTER TABLE users ADD COLUMN IF NOT EXISTS oidc_subject TEXT;
CREATE UNIQUE INDEX IF NOT EXISTS users_oidc_subject_key ON users (oidc_subject);

CREATE TABLE IF NOT EXISTS oidc_logins (
  state_hash    TEXT PRIMARY KEY,
  code_verifier TEXT NOT NULL,
  redirect_uri  TEXT NOT NULL,
  expires_at    TIMESTAMPTZ NOT NULL
);
