package org.holdspace.auth;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.holdspace.audit.AuditLog;
import org.holdspace.core.AuthUser;
import org.holdspace.core.Refusal;
import org.holdspace.core.Role;
import org.holdspace.db.SqlErrors;

/**
 * What admins do to accounts, each audited: create, list, change and deactivate. A deactivation or a new role ends
 * the account's tokens and open sockets at once, on every node.
 */
public final class AccountAdmin {
  private final Pool pool;
  private final UserRepository users;
  private final AccountService accounts;
  private final SessionGate gate;
  private final AuditLog audit;

  public AccountAdmin(Pool pool, UserRepository users, AccountService accounts, SessionGate gate, AuditLog audit) {
    this.pool = pool;
    this.users = users;
    this.accounts = accounts;
    this.gate = gate;
    this.audit = audit;
  }

  public Future<JsonObject> create(AuthUser admin, String username, String password, String displayName, Role role,
                                   String email) {
    return accounts.create(username, password, displayName, role, email)
        .compose(created -> audit.record(pool, admin.id(), "account_created", null, created.user().id(),
            new JsonObject().put("role", role.wire())).map(created.toAdminJson()));
  }

  public Future<JsonObject> list(String query, Role role, Boolean active, int limit, int offset) {
    return users.list(pool, query, role, active, limit, offset).map(page -> new JsonObject()
        .put("users", new JsonArray(page.users().stream().map(UserRepository.StoredUser::toAdminJson).toList()))
        .put("total", page.total()));
  }

  public Future<JsonObject> update(AuthUser admin, long userId, UserRepository.Changes changes) {
    if (admin.id() == userId && (Boolean.FALSE.equals(changes.active())
        || (changes.role() != null && changes.role() != Role.ADMIN))) {
      return Future.failedFuture(Refusal.conflict("an admin cannot deactivate or demote their own account"));
    }
    JsonObject detail = new JsonObject();
    if (changes.displayName() != null) {
      detail.put("displayName", true);
    }
    if (changes.setEmail()) {
      detail.put("email", true);
    }
    if (changes.role() != null) {
      detail.put("role", changes.role().wire());
    }
    if (changes.active() != null) {
      detail.put("active", changes.active());
    }
    return pool.withTransaction(tx -> users.findById(tx, userId)
            .map(found -> found.orElseThrow(Refusal::notFound))
            .compose(before -> users.update(tx, userId, changes)
                .map(after -> after.orElseThrow(Refusal::notFound))
                .compose(after -> audit.record(tx, admin.id(), "account_updated", null, userId, detail)
                    .map(v -> new UserRepository.StoredUser[] {before, after}))))
        .recover(failure -> Future.failedFuture(SqlErrors.isUniqueViolation(failure)
            ? Refusal.conflict("email: already used by another account") : failure))
        .compose(pair -> {
          boolean ended = (pair[0].active() && !pair[1].active()) || pair[0].user().role() != pair[1].user().role();
          if (!ended) {
            gate.changed(userId);
          }
          return (ended ? gate.endAccount(userId) : Future.<Void>succeededFuture()).map(pair[1].toAdminJson());
        });
  }
}
