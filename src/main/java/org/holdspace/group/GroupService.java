package org.holdspace.group;

import org.holdspace.protocol.Protocol;
import org.holdspace.protocol.SessionPlan;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.holdspace.audit.AuditLog;
import org.holdspace.core.AuthUser;
import org.holdspace.core.Role;
import org.holdspace.db.SqlErrors;
import org.holdspace.core.Refusal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Creating groups with their session plan, showing them to their people, and enrolling members. */
public final class GroupService {
  private final Pool pool;
  private final GroupStore groups;
  private final Enrolment enrolment;
  private final GroupAccess access;
  private final Candidates candidates;
  private final AuditLog audit;

  public GroupService(Pool pool, GroupStore groups, Enrolment enrolment, GroupAccess access, Candidates candidates,
                      AuditLog audit) {
    this.pool = pool;
    this.groups = groups;
    this.enrolment = enrolment;
    this.access = access;
    this.candidates = candidates;
    this.audit = audit;
  }

  /** What a facilitator asks for when creating a group. */
  public record NewGroup(String name, Protocol protocol, int sessionCount, Instant firstSessionAt,
                         int durationMinutes) {
  }

  public Future<JsonObject> create(AuthUser facilitator, NewGroup request) {
    List<SessionPlan.PlannedSession> plan =
        SessionPlan.of(request.protocol(), request.sessionCount(), request.firstSessionAt());
    return pool.withTransaction(tx -> groups.create(tx, request.name(), request.protocol().name(),
                request.sessionCount(), request.firstSessionAt(), request.durationMinutes(), facilitator.id(), plan)
            .compose(id -> enrolment.enrol(tx, id, facilitator.id(), "facilitator").map(id)))
        .compose(id -> audit.record(pool, facilitator.id(), "group.create", id, null, null).map(id))
        .compose(id -> view(id, true));
  }

  /** The group as its facilitator (with focus areas) or one of its members sees it. */
  public Future<JsonObject> get(AuthUser user, long groupId) {
    return access.requireParticipant(user, groupId).compose(standing -> {
      boolean facilitator = standing == GroupAccess.Standing.FACILITATOR;
      Future<JsonObject> view = view(groupId, facilitator);
      return facilitator
          ? view.compose(v -> audit.record(pool, user.id(), "group.read_focus", groupId, null, null).map(v))
          : view;
    });
  }

  private Future<JsonObject> view(long groupId, boolean withFocus) {
    return groups.find(pool, groupId).compose(found -> {
      JsonObject group = found.orElseThrow(Refusal::notFound).toJson();
      return Future.all(groups.sessions(pool, groupId), enrolment.everyone(pool, groupId)).map(all -> {
        List<GroupStore.StoredSession> sessions = all.resultAt(0);
        List<Enrolment.Member> people = all.resultAt(1);
        JsonArray plan = new JsonArray(sessions.stream().map(GroupStore.StoredSession::toJson).toList());
        int current = group.getInteger("currentSession");
        int phaseSession = Math.max(1, current);
        group.put("phase", plan.getJsonObject(phaseSession - 1).getString("phase"));
        group.put("plan", plan);
        JsonArray members = new JsonArray();
        JsonArray facilitators = new JsonArray();
        for (Enrolment.Member p : people) {
          JsonObject person = new JsonObject().put("id", p.id()).put("displayName", p.displayName());
          if (p.facilitator()) {
            facilitators.add(person);
            continue;
          }
          if (withFocus) {
            person.put("focusArea", p.focusArea());
            person.put("focusGoal", p.focusGoal());
          }
          members.add(person);
        }
        return group.put("facilitators", facilitators).put("members", members);
      });
    });
  }

  public Future<JsonArray> mine(AuthUser user) {
    return enrolment.groupsOf(pool, user.id())
        .map(list -> new JsonArray(list.stream().map(Enrolment.Membership::toJson).toList()));
  }

  /**
   * Enrols a member: the group's facilitator may enrol the accounts {@link Candidates} lets them find, an admin any
   * active member; every other id answers the same 404 as an unknown one.
   */
  public Future<Void> enrol(AuthUser caller, long groupId, long userId) {
    Future<Void> allowed = caller.role() == Role.ADMIN ? Future.succeededFuture()
        : access.requireFacilitator(caller, groupId);
    return allowed
        .compose(v -> Future.all(groups.find(pool, groupId), candidates.requireEnrollable(caller, userId)))
        .compose(all -> {
          GroupStore.StoredGroup group = all.<Optional<GroupStore.StoredGroup>>resultAt(0).orElseThrow(Refusal::notFound);
          Protocol protocol = Protocol.named(group.protocol()).orElseThrow();
          return pool.withTransaction(tx -> groups.lock(tx, groupId)
              .compose(r -> enrolment.countMembers(tx, groupId))
              .compose(count -> {
                if (count >= protocol.maxMembers()) {
                  return Future.failedFuture(Refusal.conflict("group: " + protocol.name() + " takes at most "
                      + protocol.maxMembers() + " member(s)"));
                }
                return enrolment.enrol(tx, groupId, userId, "member");
              })
              .compose(v -> audit.record(tx, caller.id(), "group.enrol", groupId, userId, null)));
        })
        .recover(failure -> Future.failedFuture(SqlErrors.isUniqueViolation(failure)
            ? Refusal.conflict("userId: already enrolled") : failure));
  }

  /** The facilitator sets the group's retention: chat text purged {@code days} after the course ends (null: kept). */
  public Future<JsonObject> setRetention(AuthUser facilitator, long groupId, Integer days) {
    return access.requireFacilitator(facilitator, groupId)
        .compose(v -> pool.withTransaction(tx -> groups.setRetention(tx, groupId, days)
            .compose(r -> audit.record(tx, facilitator.id(), "group.retention_set", groupId, null,
                new JsonObject().put("retentionDays", days)))))
        .map(v -> new JsonObject().put("groupId", groupId).put("retentionDays", days));
  }
}
