package org.holdspace.group;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.holdspace.audit.AuditLog;
import org.holdspace.core.AuthUser;
import org.holdspace.core.Refusal;
import org.holdspace.grouplog.EventLog;
import org.holdspace.grouplog.ReadWindow;

import java.util.function.Supplier;

/** Who an account is to a group: its facilitator, one of its members, or nobody (404 when the group is unknown). */
public final class GroupAccess {
  /** An account's standing in a group. */
  public enum Standing { FACILITATOR, MEMBER, NONE }

  private final Pool pool;
  private final Enrolment enrolment;
  private final AuditLog audit;

  public GroupAccess(Pool pool, Enrolment enrolment, AuditLog audit) {
    this.pool = pool;
    this.enrolment = enrolment;
    this.audit = audit;
  }

  public Future<Standing> standing(AuthUser user, long groupId) {
    return enrolment.standing(pool, groupId, user.id()).map(found -> found.orElseThrow(Refusal::notFound));
  }

  /** Succeeds when the account facilitates the group; 403 otherwise. */
  public Future<Void> requireFacilitator(AuthUser user, long groupId) {
    return standing(user, groupId).map(s -> {
      if (s != Standing.FACILITATOR) {
        throw Refusal.forbidden();
      }
      return null;
    });
  }

  /** Succeeds with the standing when the account facilitates or belongs to the group; 403 otherwise. */
  public Future<Standing> requireParticipant(AuthUser user, long groupId) {
    return standing(user, groupId).map(s -> {
      if (s == Standing.NONE) {
        throw Refusal.forbidden();
      }
      return s;
    });
  }

  /** Succeeds when the account is the member itself or facilitates the group (for a member's own data). */
  public Future<Standing> requireSelfOrFacilitator(AuthUser user, long groupId, long memberId) {
    return requireParticipant(user, groupId).map(s -> {
      if (s == Standing.MEMBER && user.id() != memberId) {
        throw Refusal.forbidden();
      }
      return s;
    });
  }

  /**
   * What the account may read of the group's log: a member from the session in which they were enrolled onward and
   * nothing of a session past their removal from it until readmitted; everyone else with a standing, all of it.
   */
  public Future<ReadWindow> window(EventLog log, AuthUser user, long groupId, Standing standing) {
    if (standing != Standing.MEMBER) {
      return Future.succeededFuture(ReadWindow.ALL);
    }
    return enrolment.readsAfter(pool, groupId, user.id()).compose(after -> log.window(groupId, user.id(), after));
  }

  /** A facilitator's group-wide read: facilitators only, the read audited as {@code action}, then made. */
  public <T> Future<T> facilitatorRead(AuthUser user, long groupId, String action, Supplier<Future<T>> read) {
    return requireFacilitator(user, groupId)
        .compose(v -> audit.record(pool, user.id(), action, groupId, null, null))
        .compose(v -> read.get());
  }
}
