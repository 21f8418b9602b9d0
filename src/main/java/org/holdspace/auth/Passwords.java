package org.holdspace.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.holdspace.audit.AuditLog;
import org.holdspace.core.AuthUser;
import org.holdspace.core.Refusal;

import java.time.Duration;
import java.time.Instant;

/**
 * Changing a password, and resetting one with a single-use token an admin issues (valid one hour, stored hashed).
 * Either ends every earlier token of the account and closes its sockets.
 */
public final class Passwords {
  private static final Duration RESET_LIFETIME = Duration.ofHours(1);
  private final Vertx vertx;
  private final Pool pool;
  private final UserRepository users;
  private final SignInStore store;
  private final PasswordHasher hasher;
  private final SessionGate gate;
  private final AuditLog audit;

  public Passwords(Vertx vertx, Pool pool, UserRepository users, SignInStore store, PasswordHasher hasher,
                   SessionGate gate, AuditLog audit) {
    this.vertx = vertx;
    this.pool = pool;
    this.users = users;
    this.store = store;
    this.hasher = hasher;
    this.gate = gate;
    this.audit = audit;
  }

  /** The signed-in account's own change; the current password must be right. */
  public Future<Void> change(AuthUser user, String currentPassword, String newPassword) {
    PasswordPolicy.check("newPassword", newPassword, user.username());
    return users.findById(pool, user.id())
        .map(found -> found.orElseThrow(Refusal::unauthenticated))
        .compose(account -> vertx.executeBlocking(() -> {
          if (!hasher.verify(currentPassword, account.passwordHash())) {
            throw Refusal.invalid("currentPassword: wrong password");
          }
          return hasher.hash(newPassword);
        }, false))
        .compose(hash -> pool.withTransaction(tx -> users.setPassword(tx, user.id(), hash)
            .compose(v -> audit.record(tx, user.id(), "password_changed", null, user.id(), null))))
        .compose(v -> gate.endAccount(user.id()));
  }

  /** A reset token for the account, shown once: {@code {resetToken, expiresAt}}. */
  public Future<JsonObject> issueReset(AuthUser admin, long userId) {
    String token = ResetTokens.create();
    Instant expires = Instant.now().plus(RESET_LIFETIME);
    return pool.withTransaction(tx -> users.findById(tx, userId)
            .map(found -> found.orElseThrow(Refusal::notFound))
            .compose(account -> store.addReset(tx, ResetTokens.hash(token), userId, expires))
            .compose(v -> audit.record(tx, admin.id(), "password_reset_issued", null, userId, null)))
        .map(v -> new JsonObject().put("resetToken", token).put("expiresAt", expires.toString()));
  }

  /** Sets a new password with a reset token, which is used up only when the new password is accepted. */
  public Future<Void> reset(String resetToken, String newPassword) {
    return pool.withTransaction(tx -> store.useReset(tx, ResetTokens.hash(resetToken))
            .map(id -> id.orElseThrow(() -> Refusal.invalid("resetToken: unknown, used or expired")))
            .compose(id -> users.findById(tx, id))
            .map(found -> found.orElseThrow(() -> Refusal.invalid("resetToken: unknown, used or expired")))
            .compose(account -> {
              PasswordPolicy.check("newPassword", newPassword, account.user().username());
              return vertx.executeBlocking(() -> hasher.hash(newPassword), false)
                  .compose(hash -> users.setPassword(tx, account.user().id(), hash))
                  .compose(v -> audit.record(tx, account.user().id(), "password_reset", null,
                      account.user().id(), null))
                  .map(account.user().id());
            }))
        .compose(gate::endAccount);
  }
}
