package org.holdspace.group;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.holdspace.audit.AuditLog;
import org.holdspace.auth.UserRepository;
import org.holdspace.core.Addresses;
import org.holdspace.core.AuthUser;
import org.holdspace.core.Refusal;
import org.holdspace.core.Role;
import org.holdspace.db.SqlErrors;

import java.util.List;

/**
 * A group's team: co-facilitators (added by a facilitator of the group or an admin; the last one cannot leave) and
 * supervisors (added by admins). Every change is audited and tells the account's open sockets to look its standing
 * up again, so a removed facilitator moderates nothing more.
 */
public final class TeamService {
  private static final int CANDIDATE_LIMIT = 20;

  private final Vertx vertx;
  private final Pool pool;
  private final GroupStore groups;
  private final Enrolment enrolment;
  private final Team team = new Team();
  private final GroupAccess access;
  private final UserRepository users;
  private final AuditLog audit;

  public TeamService(Vertx vertx, Pool pool, GroupStore groups, Enrolment enrolment, GroupAccess access,
                     UserRepository users, AuditLog audit) {
    this.vertx = vertx;
    this.pool = pool;
    this.groups = groups;
    this.enrolment = enrolment;
    this.access = access;
    this.users = users;
    this.audit = audit;
  }

  /**
   * Adds a co-facilitator. Unknown ids answer 404; so does any id that is not an active facilitator account when a
   * facilitator asks (they learn nothing of other accounts), while an admin is told the rule (400).
   */
  public Future<JsonObject> addFacilitator(AuthUser caller, long groupId, long userId) {
    return manage(caller, groupId).compose(v -> users.findById(pool, userId)).compose(found -> {
      UserRepository.StoredUser account = found.orElseThrow(Refusal::notFound);
      if (account.user().role() != Role.FACILITATOR || !account.active()) {
        throw caller.role() == Role.ADMIN
            ? Refusal.invalid("userId: only an active facilitator account can co-facilitate")
            : Refusal.notFound();
      }
      return pool.withTransaction(tx -> enrolment.enrol(tx, groupId, userId, "facilitator")
              .compose(r -> audit.record(tx, caller.id(), "group.facilitator_add", groupId, userId, null)))
          .map(r -> person(account));
    }).recover(failure -> Future.failedFuture(SqlErrors.isUniqueViolation(failure)
        ? Refusal.conflict("userId: already on this group") : failure))
        .onSuccess(p -> standingChanged(userId, groupId));
  }

  /** Removes a facilitator (the owner too); 404 for someone who is not one, 409 for the last one. */
  public Future<Void> removeFacilitator(AuthUser caller, long groupId, long userId) {
    return manage(caller, groupId).compose(v -> pool.withTransaction(tx -> groups.lock(tx, groupId)
        .compose(r -> team.countFacilitators(tx, groupId))
        .compose(count -> team.removeFacilitator(tx, groupId, userId).compose(removed -> {
          if (!removed) {
            return Future.failedFuture(Refusal.notFound("userId: not a facilitator of this group"));
          }
          if (count <= 1) {
            return Future.failedFuture(Refusal.conflict("a group keeps at least one facilitator"));
          }
          return audit.record(tx, caller.id(), "group.facilitator_remove", groupId, userId, null);
        }))))
        .onSuccess(v -> standingChanged(userId, groupId));
  }

  /** Adds a supervisor (admins only): 404 for an unknown id, 400 for an account that is not a supervisor. */
  public Future<JsonObject> addSupervisor(AuthUser admin, long groupId, long userId) {
    return requireAdmin(admin, groupId).compose(v -> users.findById(pool, userId)).compose(found -> {
      UserRepository.StoredUser account = found.orElseThrow(Refusal::notFound);
      if (account.user().role() != Role.SUPERVISOR || !account.active()) {
        throw Refusal.invalid("userId: only an active supervisor account can supervise a group");
      }
      return pool.withTransaction(tx -> team.addSupervisor(tx, groupId, userId, admin.id())
              .compose(r -> audit.record(tx, admin.id(), "group.supervisor_add", groupId, userId, null)))
          .map(r -> person(account));
    }).recover(failure -> Future.failedFuture(SqlErrors.isUniqueViolation(failure)
        ? Refusal.conflict("userId: already supervises this group") : failure))
        .onSuccess(p -> standingChanged(userId, groupId));
  }

  /** Removes a supervisor (admins only); 404 for someone who does not supervise the group. */
  public Future<Void> removeSupervisor(AuthUser admin, long groupId, long userId) {
    return requireAdmin(admin, groupId).compose(v -> pool.withTransaction(tx ->
            team.removeSupervisor(tx, groupId, userId).compose(removed -> removed
                ? audit.record(tx, admin.id(), "group.supervisor_remove", groupId, userId, null)
                : Future.failedFuture(Refusal.notFound("userId: not a supervisor of this group")))))
        .onSuccess(v -> standingChanged(userId, groupId));
  }

  /** The group's supervisors, for its facilitators, its supervisors and admins. */
  public Future<JsonArray> supervisors(AuthUser caller, long groupId) {
    Future<?> allowed = caller.role() == Role.ADMIN ? requireGroup(groupId) : access.requireReader(caller, groupId);
    return allowed.compose(v -> supervisors(groupId));
  }

  Future<JsonArray> supervisors(long groupId) {
    return team.supervisors(pool, groupId)
        .map(list -> new JsonArray(list.stream().map(Team.Person::toJson).toList()));
  }

  /** Facilitator accounts that could co-facilitate the group, for its facilitators and admins. */
  public Future<JsonArray> candidates(AuthUser caller, long groupId, String query) {
    return manage(caller, groupId).compose(v -> team.candidates(pool, groupId, query, CANDIDATE_LIMIT))
        .map(list -> new JsonArray(List.copyOf(list)));
  }

  /** The group's audit trail, for its supervisors (their read audited) and admins. */
  public Future<JsonArray> auditTrail(AuthUser caller, long groupId, long after, int limit) {
    Future<?> allowed = caller.role() == Role.ADMIN ? requireGroup(groupId)
        : access.standing(caller, groupId).compose(s -> s == GroupAccess.Standing.SUPERVISOR
            ? audit.record(pool, caller.id(), "audit.read", groupId, null, null)
            : Future.failedFuture(Refusal.forbidden("the group's audit trail is for its supervisors")));
    return allowed.compose(v -> audit.list(pool, groupId, after, limit))
        .map(list -> new JsonArray(list.stream().map(AuditLog.Entry::toJson).toList()));
  }

  /** A facilitator of the group or an admin may change its facilitators. */
  private Future<Void> manage(AuthUser caller, long groupId) {
    return caller.role() == Role.ADMIN ? requireGroup(groupId) : access.requireFacilitator(caller, groupId);
  }

  private Future<Void> requireAdmin(AuthUser caller, long groupId) {
    if (caller.role() != Role.ADMIN) {
      return access.refuseNonAdmin(caller, groupId);
    }
    return requireGroup(groupId);
  }

  private Future<Void> requireGroup(long groupId) {
    return groups.find(pool, groupId).map(found -> {
      found.orElseThrow(Refusal::notFound);
      return null;
    });
  }

  private void standingChanged(long userId, long groupId) {
    vertx.eventBus().publish(Addresses.user(userId), new JsonObject(),
        new DeliveryOptions().addHeader(Addresses.STANDING_CHANGED, Long.toString(groupId)));
  }

  private static JsonObject person(UserRepository.StoredUser account) {
    return new JsonObject().put("id", account.user().id()).put("displayName", account.user().displayName());
  }
}
