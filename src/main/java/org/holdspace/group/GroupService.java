package org.holdspace.group;

import org.holdspace.protocol.Protocol;
import org.holdspace.protocol.SessionPlan;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.holdspace.audit.AuditLog;
import org.holdspace.core.AuthUser;
import org.holdspace.core.Role;
import org.holdspace.auth.UserRepository;
import org.holdspace.db.SqlErrors;
import org.holdspace.core.Refusal;

import java.time.Instant;
import java.util.List;

/** Creating groups with their session plan, showing them to their people, and enrolling members. */
public final class GroupService {
  private final GroupRepository groups;
  private final GroupAccess access;
  private final UserRepository users;
  private final AuditLog audit;

  public GroupService(GroupRepository groups, GroupAccess access, UserRepository users, AuditLog audit) {
    this.groups = groups;
    this.access = access;
    this.users = users;
    this.audit = audit;
  }

  /** What a facilitator asks for when creating a group. */
  public record NewGroup(String name, Protocol protocol, int sessionCount, Instant firstSessionAt,
                         int durationMinutes) {
  }

  public Future<JsonObject> create(AuthUser facilitator, NewGroup request) {
    List<SessionPlan.PlannedSession> plan =
        SessionPlan.of(request.protocol(), request.sessionCount(), request.firstSessionAt());
    return groups.create(request.name(), request.protocol().name(), request.sessionCount(), request.firstSessionAt(),
            request.durationMinutes(), facilitator.id(), plan)
        .compose(id -> audit.record(facilitator.id(), "group.create", id, null, null).map(id))
        .compose(id -> view(id, true));
  }

  /** The group as its facilitator (with focus areas) or one of its members sees it. */
  public Future<JsonObject> get(AuthUser user, long groupId) {
    return access.requireParticipant(user, groupId).compose(standing -> {
      boolean facilitator = standing == GroupAccess.Standing.FACILITATOR;
      Future<JsonObject> view = view(groupId, facilitator);
      return facilitator
          ? view.compose(v -> audit.record(user.id(), "group.read_focus", groupId, null, null).map(v))
          : view;
    });
  }

  private Future<JsonObject> view(long groupId, boolean withFocus) {
    return groups.find(groupId).compose(found -> {
      JsonObject group = found.orElseThrow(Refusal::notFound);
      return Future.all(groups.sessions(groupId), groups.people(groupId)).map(all -> {
        JsonArray plan = all.resultAt(0);
        List<Row> people = all.resultAt(1);
        int current = group.getInteger("currentSession");
        int phaseSession = Math.max(1, current);
        group.put("phase", plan.getJsonObject(phaseSession - 1).getString("phase"));
        group.put("plan", plan);
        JsonArray members = new JsonArray();
        JsonArray facilitators = new JsonArray();
        for (Row p : people) {
          JsonObject person = new JsonObject().put("id", p.getLong("id")).put("displayName", p.getString("display_name"));
          if (p.getString("role").equals("facilitator")) {
            facilitators.add(person);
            continue;
          }
          if (withFocus) {
            person.put("focusArea", p.getString("focus_area"));
            person.put("focusGoal", p.getString("focus_goal"));
          }
          members.add(person);
        }
        return group.put("facilitators", facilitators).put("members", members);
      });
    });
  }

  public Future<JsonArray> mine(AuthUser user) {
    return groups.groupsOf(user.id());
  }

  public Future<Void> enrol(AuthUser facilitator, long groupId, long userId) {
    return access.requireFacilitator(facilitator, groupId)
        .compose(v -> Future.all(groups.find(groupId), users.findById(userId)))
        .compose(all -> {
          JsonObject group = all.<java.util.Optional<JsonObject>>resultAt(0).orElseThrow(Refusal::notFound);
          UserRepository.StoredUser user =
              all.<java.util.Optional<UserRepository.StoredUser>>resultAt(1).orElseThrow(Refusal::notFound);
          if (user.user().role() != Role.MEMBER) {
            throw Refusal.invalid("userId: only member accounts can be enrolled");
          }
          Protocol protocol = Protocol.named(group.getString("protocol")).orElseThrow();
          return groups.pool().withTransaction(tx -> groups.lockGroup(tx, groupId)
              .compose(r -> groups.countMembers(tx, groupId))
              .compose(count -> {
                if (count >= protocol.maxMembers()) {
                  return Future.failedFuture(Refusal.conflict("group: " + protocol.name() + " takes at most "
                      + protocol.maxMembers() + " member(s)"));
                }
                return groups.enrol(tx, groupId, userId);
              })
              .compose(v -> audit.record(tx, facilitator.id(), "group.enrol", groupId, userId, null)));
        })
        .recover(failure -> Future.failedFuture(SqlErrors.isUniqueViolation(failure)
            ? Refusal.conflict("userId: already enrolled") : failure));
  }

  /** The facilitator sets the group's retention: chat text purged {@code days} after the course ends (null: kept). */
  public Future<JsonObject> setRetention(AuthUser facilitator, long groupId, Integer days) {
    return access.requireFacilitator(facilitator, groupId)
        .compose(v -> groups.pool().withTransaction(tx -> groups.setRetention(tx, groupId, days)
            .compose(r -> audit.record(tx, facilitator.id(), "group.retention_set", groupId, null,
                new JsonObject().put("retentionDays", days)))))
        .map(v -> new JsonObject().put("groupId", groupId).put("retentionDays", days));
  }
}
