package org.holdspace.privacy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.holdspace.audit.AuditLog;
import org.holdspace.auth.SessionGate;
import org.holdspace.clinical.ClinicalAccess;
import org.holdspace.clinical.MeasureStore;
import org.holdspace.core.AuthUser;
import org.holdspace.core.Refusal;
import org.holdspace.core.Role;

/**
 * The data subject's rights: an account's export of all its own data, a member's questionnaires as FHIR, and
 * erasure on request by an admin. Nothing here logs content; the erasure is audited.
 */
public final class PrivacyService {
  private final Vertx vertx;
  private final Pool pool;
  private final ClinicalAccess access;
  private final MeasureStore measures;
  private final PrivacyStore store;
  private final AuditLog audit;

  private final SessionGate gate;

  public PrivacyService(Vertx vertx, Pool pool, ClinicalAccess access, MeasureStore measures, PrivacyStore store,
                        AuditLog audit, SessionGate gate) {
    this.gate = gate;
    this.vertx = vertx;
    this.pool = pool;
    this.access = access;
    this.measures = measures;
    this.store = store;
    this.audit = audit;
  }

  /** {@code {account, exportedAt, memberships, messages, whispers, questionnaires, …}} of the signed-in account. */
  public Future<JsonObject> export(AuthUser user) {
    return store.account(pool, user.id()).compose(account -> {
      if (account.isEmpty()) {
        return Future.failedFuture(Refusal.unauthenticated());
      }
      return store.export(pool, user.id()).map(data -> new JsonObject().put("account", account.get())
          .put("exportedAt", java.time.Instant.now().toString()).mergeIn(data));
    });
  }

  /** The member's questionnaires as a FHIR R4 Bundle in JSON (the member and the group's facilitators). */
  public Future<String> fhir(ClinicalAccess.Target target) {
    return access.read(target, "fhir.export", s -> measures.ofMember(pool, s.groupId(), s.memberId()))
        .compose(list -> vertx.executeBlocking(() -> FhirBundle.context().newJsonParser()
            .encodeResourceToString(FhirBundle.of(target.memberId(), list)), false));
  }

  /**
   * Erases a member's account on request (admins only): deactivates it, deletes its clinical data, empties its
   * messages' text under the name "Former member", keeps signed progress notes, and audits it, in one transaction.
   */
  public Future<Void> erase(AuthUser admin, long userId, String reason) {
    if (admin.role() != Role.ADMIN) {
      return Future.failedFuture(Refusal.forbidden());
    }
    return pool.withTransaction(tx -> store.account(tx, userId).compose(account -> {
      if (account.isEmpty()) {
        return Future.failedFuture(Refusal.notFound());
      }
      if (Role.ADMIN.wire().equals(account.get().getString("role"))) {
        return Future.failedFuture(Refusal.conflict("an admin account is not erased this way"));
      }
      return store.erase(tx, userId).compose(touched -> audit.record(tx, admin.id(), "user.erase", null, userId,
          new JsonObject().put("reason", reason).put("rows", touched)));
    })).compose(v -> gate.endAccount(userId));
  }
}
