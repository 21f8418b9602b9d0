package org.holdspace.auth;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * What ends or proves a sign-in, in PostgreSQL so every node sees it at once: signed-out sign-ins, the instant
 * before which an account's tokens are void, password reset tokens and TOTP recovery codes (both stored hashed), and
 * the last TOTP time step each account used.
 */
public final class SignInStore {
  private static final String STATE = "SELECT username, display_name, role, active, totp_enabled, tokens_valid_after, "
      + "EXISTS (SELECT 1 FROM revoked_sessions WHERE sid = $2) AS revoked FROM users WHERE id = $1";
  private static final String REVOKE = "INSERT INTO revoked_sessions (sid, expires_at) VALUES ($1, $2) "
      + "ON CONFLICT (sid) DO NOTHING";
  private static final String PURGE = "DELETE FROM revoked_sessions WHERE expires_at < now()";
  private static final String END_TOKENS = "UPDATE users SET tokens_valid_after = $2 WHERE id = $1";
  private static final String ADD_RESET = "INSERT INTO password_resets (token_hash, user_id, expires_at) "
      + "VALUES ($1, $2, $3)";
  private static final String USE_RESET = "UPDATE password_resets SET used_at = now() WHERE token_hash = $1 "
      + "AND used_at IS NULL AND expires_at > now() RETURNING user_id";
  private static final String USE_STEP = "UPDATE users SET totp_last_step = $2 WHERE id = $1 "
      + "AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id";
  private static final String DROP_CODES = "DELETE FROM recovery_codes WHERE user_id = $1";
  private static final String ADD_CODE = "INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)";
  private static final String USE_CODE = "UPDATE recovery_codes SET used_at = now() WHERE user_id = $1 "
      + "AND code_hash = $2 AND used_at IS NULL RETURNING user_id";

  /** An account's standing as token verification needs it. */
  public record State(String username, String displayName, String role, boolean active, boolean totpEnabled,
                      Instant tokensValidAfter, boolean revoked) {
  }

  public Future<Optional<State>> state(SqlClient client, long userId, String sid) {
    return client.preparedQuery(STATE).execute(Tuple.of(userId, sid)).map(rows -> {
      if (!rows.iterator().hasNext()) {
        return Optional.empty();
      }
      Row r = rows.iterator().next();
      OffsetDateTime after = r.getOffsetDateTime("tokens_valid_after");
      return Optional.of(new State(r.getString("username"), r.getString("display_name"), r.getString("role"),
          r.getBoolean("active"), r.getBoolean("totp_enabled"), after == null ? null : after.toInstant(),
          r.getBoolean("revoked")));
    });
  }

  /** Ends the sign-in {@code sid} (a login and all its refreshes) until it would have expired anyway. */
  public Future<Void> revoke(SqlClient client, String sid, Instant until) {
    return client.query(PURGE).execute()
        .compose(v -> client.preparedQuery(REVOKE).execute(Tuple.of(sid, at(until))))
        .mapEmpty();
  }

  /** Voids every token of the account issued up to {@code now}. */
  public Future<Void> endTokens(SqlClient client, long userId, Instant now) {
    return client.preparedQuery(END_TOKENS).execute(Tuple.of(userId, at(now))).mapEmpty();
  }

  public Future<Void> addReset(SqlClient client, String tokenHash, long userId, Instant expiresAt) {
    return client.preparedQuery(ADD_RESET).execute(Tuple.of(tokenHash, userId, at(expiresAt))).mapEmpty();
  }

  /** Marks an unexpired, unused reset token used; the account it resets, if it was one. */
  public Future<Optional<Long>> useReset(SqlClient client, String tokenHash) {
    return client.preparedQuery(USE_RESET).execute(Tuple.of(tokenHash)).map(rows -> rows.iterator().hasNext()
        ? Optional.of(rows.iterator().next().getLong(0)) : Optional.empty());
  }

  /** Records that the account used the TOTP time step; false when it used this one or a later one before. */
  public Future<Boolean> useTotpStep(SqlClient client, long userId, long step) {
    return client.preparedQuery(USE_STEP).execute(Tuple.of(userId, step)).map(rows -> rows.iterator().hasNext());
  }

  /** Replaces the account's recovery codes by these hashes. */
  public Future<Void> replaceCodes(SqlClient client, long userId, List<String> codeHashes) {
    return client.preparedQuery(DROP_CODES).execute(Tuple.of(userId))
        .compose(v -> client.preparedQuery(ADD_CODE)
            .executeBatch(codeHashes.stream().map(h -> Tuple.of(userId, h)).toList()))
        .mapEmpty();
  }

  public Future<Void> dropCodes(SqlClient client, long userId) {
    return client.preparedQuery(DROP_CODES).execute(Tuple.of(userId)).mapEmpty();
  }

  /** Uses an unused recovery code of the account; whether there was one. */
  public Future<Boolean> useCode(SqlClient client, long userId, String codeHash) {
    return client.preparedQuery(USE_CODE).execute(Tuple.of(userId, codeHash)).map(rows -> rows.iterator().hasNext());
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
