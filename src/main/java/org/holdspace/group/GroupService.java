package org.holdspace.group;

import org.holdspace.protocol.Protocol;
import org.holdspace.protocol.Protocols;
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
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Creating groups with their session plan, showing them to their people, and enrolling members. */
public final class GroupService {
  private final Pool pool;
  private final GroupStore groups;
  private final Enrolment enrolment;
  private final GroupAccess access;
  private final Candidates candidates;
  private final AuditLog audit;
  private final Team team = new Team();
  private final Protocols protocols;
  private final Participation participation = new Participation();

  public GroupService(Pool pool, GroupStore groups, Enrolment enrolment, GroupAccess access, Candidates candidates,
                      AuditLog audit, Protocols protocols) {
    this.pool = pool;
    this.protocols = protocols;
    this.groups = groups;
    this.enrolment = enrolment;
    this.access = access;
    this.candidates = candidates;
    this.audit = audit;
  }

  /** What a facilitator asks for when creating a group; {@code timeZone} is where its weekly time is kept. */
  public record NewGroup(String name, Protocol protocol, int sessionCount, Instant firstSessionAt,
                         int durationMinutes, ZoneId timeZone) {
    /** A group that meets in UTC. */
    public NewGroup(String name, Protocol protocol, int sessionCount, Instant firstSessionAt, int durationMinutes) {
      this(name, protocol, sessionCount, firstSessionAt, durationMinutes, ZoneId.of("UTC"));
    }
  }

  public Future<JsonObject> create(AuthUser facilitator, NewGroup request) {
    List<SessionPlan.PlannedSession> plan =
        SessionPlan.of(request.protocol(), request.sessionCount(), request.firstSessionAt(), request.timeZone());
    return pool.withTransaction(tx -> groups.create(tx, request.name(), request.protocol().id(),
                request.protocol().split(request.sessionCount()), request.firstSessionAt(), request.durationMinutes(),
                facilitator.id(), request.timeZone().getId(), plan)
            .compose(id -> enrolment.enrol(tx, id, facilitator.id(), "facilitator").map(id)))
        .compose(id -> audit.record(pool, facilitator.id(), "group.create", id, null, null).map(id))
        .compose(id -> view(id, true));
  }

  /**
   * The group as its facilitators and supervisors (with focus areas and the supervisors, the read audited) or one of
   * its members sees it; {@code you} names the caller's standing.
   */
  public Future<JsonObject> get(AuthUser user, long groupId) {
    return access.requireViewer(user, groupId).compose(standing -> {
      boolean reader = standing.reader();
      Future<JsonObject> view = view(groupId, reader)
          .map(g -> g.put("you", new JsonObject().put("role", standing.name().toLowerCase(java.util.Locale.ROOT))));
      return reader
          ? view.compose(g -> team.supervisors(pool, groupId).map(list ->
                  g.put("supervisors", new JsonArray(list.stream().map(Team.Person::toJson).toList()))))
              .compose(v -> audit.record(pool, user.id(), "group.read_focus", groupId, null, null).map(v))
          : view;
    });
  }

  private Future<JsonObject> view(long groupId, boolean withFocus) {
    return groups.find(pool, groupId).compose(found -> {
      JsonObject group = found.orElseThrow(Refusal::notFound).toJson();
      return Future.all(groups.sessions(pool, groupId), enrolment.everyone(pool, groupId),
          participation.spans(pool, groupId)).map(all -> {
        List<GroupStore.StoredSession> sessions = all.resultAt(0);
        List<Enrolment.Member> people = all.resultAt(1);
        Map<Long, Participation.Span> spans = all.resultAt(2);
        group.put("plan", new JsonArray(sessions.stream().map(GroupStore.StoredSession::toJson).toList()));
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
          Participation.Span span = spans.get(p.id());
          if (span != null) {
            span.describe(person, withFocus);
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
   * Enrols a member: a facilitator of the group may enrol the accounts {@link Candidates} lets them find, an admin
   * any active member; every other id answers the same 404 as an unknown one. Once the session after which the
   * protocol closes enrolment has started, only with the {@code overrideReason} (kept on the enrolment, the override
   * audited); 409 without it.
   */
  public Future<Void> enrol(AuthUser caller, long groupId, long userId, String overrideReason) {
    Future<Void> allowed = caller.role() == Role.ADMIN ? Future.succeededFuture()
        : access.requireFacilitator(caller, groupId);
    return allowed
        .compose(v -> Future.all(groups.find(pool, groupId), candidates.requireEnrollable(caller, userId)))
        .compose(all -> {
          GroupStore.StoredGroup group = all.<Optional<GroupStore.StoredGroup>>resultAt(0).orElseThrow(Refusal::notFound);
          return protocols.of(group.protocol()).compose(protocol -> pool.withTransaction(tx -> groups.lock(tx, groupId)
              .compose(r -> Future.all(enrolment.countMembers(tx, groupId), groups.find(tx, groupId)))
              .compose(locked -> {
                long count = locked.<Long>resultAt(0);
                int current = locked.<Optional<GroupStore.StoredGroup>>resultAt(1).orElseThrow().currentSession();
                if (count >= protocol.maxMembers()) {
                  return Future.failedFuture(Refusal.conflict("group: " + protocol.id() + " takes at most "
                      + protocol.maxMembers() + " member(s)"));
                }
                boolean closed = protocol.enrolmentClosed(current);
                if (closed && overrideReason == null) {
                  return Future.failedFuture(Refusal.conflict("enrolment: " + protocol.id()
                      + " closes enrolment once session " + protocol.enrolmentClosesAfter()
                      + " has started; give overrideReason to enrol anyway"));
                }
                Future<Void> enrolled = enrolment.enrol(tx, groupId, userId, "member");
                JsonObject detail = closed ? new JsonObject().put("override", true).put("session", current) : null;
                return (closed ? enrolled.compose(e -> participation.noteOverride(tx, groupId, userId, overrideReason))
                    : enrolled).compose(e -> audit.record(tx, caller.id(), "group.enrol", groupId, userId,
                        detail));
              })));
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
