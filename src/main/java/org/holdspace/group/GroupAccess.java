package org.holdspace.group;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.holdspace.audit.AuditLog;
import org.holdspace.core.AuthUser;
import org.holdspace.core.Refusal;
import org.holdspace.grouplog.EventLog;
import org.holdspace.grouplog.ReadWindow;

import java.util.function.Supplier;

/**
 * Who an account is to a group: one of its facilitators (owner and co-facilitators are equals), one of its
 * supervisors, one of its members, or nobody (404 when the group is unknown). Writes are for facilitators
 * ({@link #requireFacilitator}) or for facilitators and members ({@link #requireParticipant}); a supervisor passes
 * only the read checks ({@link #requireReader}, {@link #requireViewer}, {@link #auditedRead}), so a call that names
 * no read check refuses supervisors by default.
 */
public final class GroupAccess {
  /** An account's standing in a group. */
  public enum Standing {
    FACILITATOR, SUPERVISOR, MEMBER, NONE;

    /** Whether the standing reads what the group's facilitators read: a facilitator or a supervisor. */
    public boolean reader() {
      return this == FACILITATOR || this == SUPERVISOR;
    }
  }

  private static final String READ_ONLY = "supervisors read this group's records but do not change them";

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

  /** The refusal of a write by a supervisor. */
  public static Refusal readOnly() {
    return Refusal.forbidden(READ_ONLY);
  }

  /** The refusal of an account that is not an admin on an admin-only write of the group (404 for an unknown group). */
  public Future<Void> refuseNonAdmin(AuthUser user, long groupId) {
    return standing(user, groupId).compose(s -> Future.failedFuture(
        s == Standing.SUPERVISOR ? readOnly() : Refusal.forbidden("for admins")));
  }

  /** Succeeds when the account facilitates the group (for writes and moderation); 403 otherwise. */
  public Future<Void> requireFacilitator(AuthUser user, long groupId) {
    return standing(user, groupId).map(s -> {
      if (s == Standing.SUPERVISOR) {
        throw readOnly();
      }
      if (s != Standing.FACILITATOR) {
        throw Refusal.forbidden();
      }
      return null;
    });
  }

  /** Succeeds with the standing when the account facilitates the group or supervises it (for reads); 403 otherwise. */
  public Future<Standing> requireReader(AuthUser user, long groupId) {
    return standing(user, groupId).map(s -> {
      if (!s.reader()) {
        throw Refusal.forbidden();
      }
      return s;
    });
  }

  /** Succeeds with the standing when the account facilitates or belongs to the group (writes); 403 otherwise. */
  public Future<Standing> requireParticipant(AuthUser user, long groupId) {
    return standing(user, groupId).map(s -> {
      if (s == Standing.SUPERVISOR) {
        throw readOnly();
      }
      if (s == Standing.NONE) {
        throw Refusal.forbidden();
      }
      return s;
    });
  }

  /** Succeeds with the standing for anyone of the group, supervisors included (for reads); 403 for outsiders. */
  public Future<Standing> requireViewer(AuthUser user, long groupId) {
    return standing(user, groupId).map(s -> {
      if (s == Standing.NONE) {
        throw Refusal.forbidden();
      }
      return s;
    });
  }

  /** The member itself or a facilitator of the group (a write of a member's own data). */
  public Future<Standing> requireSelfOrFacilitator(AuthUser user, long groupId, long memberId) {
    return requireParticipant(user, groupId).map(s -> requireSelf(s, user, memberId));
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

  /** The member itself, a facilitator or a supervisor of the group (a read of a member's own data). */
  public Future<Standing> requireSelfOrReader(AuthUser user, long groupId, long memberId) {
    return requireViewer(user, groupId).map(s -> requireSelf(s, user, memberId));
  }

  private static Standing requireSelf(Standing s, AuthUser user, long memberId) {
    if (s == Standing.MEMBER && user.id() != memberId) {
      throw Refusal.forbidden();
    }
    return s;
  }

  /** Records a read of the group's records (for reads whose check is made elsewhere). */
  public Future<Void> recordRead(AuthUser user, long groupId, String action) {
    return audit.record(pool, user.id(), action, groupId, null, null);
  }

  /** A group-wide read of facilitators and supervisors only, the read audited as {@code action}, then made. */
  public <T> Future<T> auditedRead(AuthUser user, long groupId, String action, Supplier<Future<T>> read) {
    return requireReader(user, groupId)
        .compose(v -> recordRead(user, groupId, action))
        .compose(v -> read.get());
  }
}
