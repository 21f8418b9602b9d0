package org.holdspace.clinical;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import org.holdspace.audit.AuditLog;
import org.holdspace.auth.AuthHandler;
import org.holdspace.core.AuthUser;
import org.holdspace.core.Fields;
import org.holdspace.core.Refusal;
import org.holdspace.group.Enrolment;
import org.holdspace.group.GroupAccess;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Who may see or change a member's clinical data (the member and the group's facilitators; the group's supervisors
 * read but never write; nobody else), and the audit of every facilitator or supervisor read or write. Audit details
 * carry ids and counts, never clinical content.
 */
public final class ClinicalAccess {
  private final Pool pool;
  private final GroupAccess access;
  private final Enrolment enrolment;
  private final AuditLog audit;

  public ClinicalAccess(Pool pool, GroupAccess access, Enrolment enrolment, AuditLog audit) {
    this.pool = pool;
    this.access = access;
    this.enrolment = enrolment;
    this.audit = audit;
  }

  /**
   * A request about one member's clinical data: who asks, in which group, about whom, and whether someone other than
   * the member asks (a facilitator, or for reads a supervisor), which is audited.
   */
  public record Subject(AuthUser actor, long groupId, long memberId, boolean byFacilitator) {
  }

  /** The path's group and member, and the signed-in account. */
  public record Target(AuthUser user, long groupId, long memberId) {
    static Target of(RoutingContext ctx) {
      return new Target(AuthHandler.user(ctx), Fields.pathId(ctx.pathParam("id")),
          Fields.pathId(ctx.pathParam("userId")));
    }
  }

  /**
   * For writes: the member themself or a facilitator of the group; 403 for anyone else (supervisors included), 404
   * when the member is not enrolled.
   */
  public Future<Subject> selfOrFacilitator(Target t) {
    return access.requireSelfOrFacilitator(t.user(), t.groupId(), t.memberId()).compose(standing -> subject(t, standing));
  }

  /** For reads: the member themself, a facilitator or a supervisor of the group; 403 for anyone else. */
  public Future<Subject> selfOrReader(Target t) {
    return access.requireSelfOrReader(t.user(), t.groupId(), t.memberId()).compose(standing -> subject(t, standing));
  }

  private Future<Subject> subject(Target t, GroupAccess.Standing standing) {
    if (standing == GroupAccess.Standing.MEMBER) {
      return Future.succeededFuture(new Subject(t.user(), t.groupId(), t.memberId(), false));
    }
    return requireEnrolled(t.groupId(), t.memberId())
        .map(v -> new Subject(t.user(), t.groupId(), t.memberId(), true));
  }

  /** For writes: only a facilitator of the group, about one of its enrolled members. */
  public Future<Subject> facilitatorAbout(Target t) {
    return access.requireFacilitator(t.user(), t.groupId())
        .compose(v -> requireEnrolled(t.groupId(), t.memberId()))
        .map(v -> new Subject(t.user(), t.groupId(), t.memberId(), true));
  }

  /** For reads kept from members: a facilitator or a supervisor of the group, about one of its enrolled members. */
  public Future<Subject> readerAbout(Target t) {
    return access.requireReader(t.user(), t.groupId())
        .compose(v -> requireEnrolled(t.groupId(), t.memberId()))
        .map(v -> new Subject(t.user(), t.groupId(), t.memberId(), true));
  }

  /** A read of one member's data: the member, a facilitator or a supervisor (whose read is audited as {@code action}). */
  public <T> Future<T> read(Target t, String action, Function<Subject, Future<T>> read) {
    return selfOrReader(t).compose(s -> audit(pool, s, action, null).compose(v -> read.apply(s)));
  }

  /** A group-wide read for the group's facilitators and supervisors, audited as {@code action}. */
  public <T> Future<T> readGroup(AuthUser user, long groupId, String action, Supplier<Future<T>> read) {
    return access.auditedRead(user, groupId, action, read);
  }

  public Future<Void> requireFacilitator(AuthUser user, long groupId) {
    return access.requireFacilitator(user, groupId);
  }

  /** Facilitators and supervisors (for group-wide reads that audit themselves). */
  public Future<GroupAccess.Standing> requireReader(AuthUser user, long groupId) {
    return access.requireReader(user, groupId);
  }

  /** Anyone of the group, supervisors included (for reads whose answer depends on the standing). */
  public Future<GroupAccess.Standing> requireViewer(AuthUser user, long groupId) {
    return access.requireViewer(user, groupId);
  }

  private Future<Void> requireEnrolled(long groupId, long memberId) {
    return enrolment.isMember(pool, groupId, memberId).map(member -> {
      if (!member) {
        throw Refusal.notFound();
      }
      return null;
    });
  }

  /** Records a facilitator's or supervisor's act on the member's data within the caller's transaction; members' own are not. */
  public Future<Void> audit(SqlClient client, Subject s, String action, JsonObject detail) {
    if (!s.byFacilitator()) {
      return Future.succeededFuture();
    }
    return audit.record(client, s.actor().id(), action, s.groupId(), s.memberId(), detail);
  }

  /** Records a facilitator's or supervisor's group-wide read or write (no single member). */
  public Future<Void> auditGroup(SqlClient client, AuthUser facilitator, long groupId, String action,
                                 JsonObject detail) {
    return audit.record(client, facilitator.id(), action, groupId, null, detail);
  }
}
