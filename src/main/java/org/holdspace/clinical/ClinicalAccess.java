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
 * Who may see or change a member's clinical data (the member and the group's facilitators, nobody else), and the
 * audit of every facilitator read or write. Audit details carry ids and counts, never clinical content.
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

  /** A request about one member's clinical data: who asks, in which group, about whom, and whether as facilitator. */
  public record Subject(AuthUser actor, long groupId, long memberId, boolean byFacilitator) {
  }

  /** The path's group and member, and the signed-in account. */
  public record Target(AuthUser user, long groupId, long memberId) {
    static Target of(RoutingContext ctx) {
      return new Target(AuthHandler.user(ctx), Fields.pathId(ctx.pathParam("id")),
          Fields.pathId(ctx.pathParam("userId")));
    }
  }

  /** The member themself or a facilitator of the group; 403 for anyone else, 404 when the member is not enrolled. */
  public Future<Subject> selfOrFacilitator(Target t) {
    return access.requireSelfOrFacilitator(t.user(), t.groupId(), t.memberId()).compose(standing -> {
      if (standing == GroupAccess.Standing.MEMBER) {
        return Future.succeededFuture(new Subject(t.user(), t.groupId(), t.memberId(), false));
      }
      return requireEnrolled(t.groupId(), t.memberId())
          .map(v -> new Subject(t.user(), t.groupId(), t.memberId(), true));
    });
  }

  /** Only a facilitator of the group, about one of its enrolled members. */
  public Future<Subject> facilitatorAbout(Target t) {
    return access.requireFacilitator(t.user(), t.groupId())
        .compose(v -> requireEnrolled(t.groupId(), t.memberId()))
        .map(v -> new Subject(t.user(), t.groupId(), t.memberId(), true));
  }

  /** A read of one member's data: the member or a facilitator (whose read is audited as {@code action}). */
  public <T> Future<T> read(Target t, String action, Function<Subject, Future<T>> read) {
    return selfOrFacilitator(t).compose(s -> audit(pool, s, action, null).compose(v -> read.apply(s)));
  }

  /** A group-wide read for the group's facilitators only, audited as {@code action}. */
  public <T> Future<T> readGroup(AuthUser user, long groupId, String action, Supplier<Future<T>> read) {
    return access.facilitatorRead(user, groupId, action, read);
  }

  public Future<Void> requireFacilitator(AuthUser user, long groupId) {
    return access.requireFacilitator(user, groupId);
  }

  public Future<GroupAccess.Standing> requireParticipant(AuthUser user, long groupId) {
    return access.requireParticipant(user, groupId);
  }

  private Future<Void> requireEnrolled(long groupId, long memberId) {
    return enrolment.isMember(pool, groupId, memberId).map(member -> {
      if (!member) {
        throw Refusal.notFound();
      }
      return null;
    });
  }

  /** Records a facilitator's action on the member's data within the caller's transaction; members' own acts are not. */
  public Future<Void> audit(SqlClient client, Subject s, String action, JsonObject detail) {
    if (!s.byFacilitator()) {
      return Future.succeededFuture();
    }
    return audit.record(client, s.actor().id(), action, s.groupId(), s.memberId(), detail);
  }

  /** Records a facilitator's group-wide read or write (no single member). */
  public Future<Void> auditGroup(SqlClient client, AuthUser facilitator, long groupId, String action,
                                 JsonObject detail) {
    return audit.record(client, facilitator.id(), action, groupId, null, detail);
  }
}
