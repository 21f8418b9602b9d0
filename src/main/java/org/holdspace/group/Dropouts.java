package org.holdspace.group;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.holdspace.audit.AuditLog;
import org.holdspace.core.AuthUser;
import org.holdspace.core.Refusal;
import org.holdspace.grouplog.Change;
import org.holdspace.grouplog.EventLog;
import org.holdspace.grouplog.NewEvent;

/**
 * Ending a member's participation (a dropout): under the group's lock, the enrolment row records when, by whom and
 * why, the audit records that it happened, and a {@code participation_ended} event tells every node. That event
 * takes the member's sockets out of the room and lowers their hand like a {@code remove}, but for good: their join is
 * refused from then on. Nothing of theirs is deleted.
 */
public final class Dropouts {
  private final Pool pool;
  private final GroupAccess access;
  private final Enrolment enrolment;
  private final Participation participation;
  private final EventLog log;
  private final AuditLog audit;

  public Dropouts(Pool pool, GroupAccess access, Enrolment enrolment, Participation participation, EventLog log,
                  AuditLog audit) {
    this.pool = pool;
    this.access = access;
    this.enrolment = enrolment;
    this.participation = participation;
    this.log = log;
    this.audit = audit;
  }

  /** Ends the member's participation; 404 for no such member, 409 when it has ended already. */
  public Future<JsonObject> end(AuthUser facilitator, long groupId, long userId, String reason) {
    String[] endedAt = new String[1];
    return access.requireFacilitator(facilitator, groupId).compose(v -> log.change(groupId, (tx, s) ->
        enrolment.isMember(tx, groupId, userId).compose(member -> {
          if (!member) {
            return Future.failedFuture(Refusal.notFound("userId: not a member of this group"));
          }
          return participation.end(tx, groupId, userId, facilitator.id(), reason);
        }).compose(at -> {
          if (at == null) {
            return Future.failedFuture(Refusal.conflict("userId: this member's participation has ended already"));
          }
          endedAt[0] = at.toString();
          return audit.record(tx, facilitator.id(), "group.member_end", groupId, userId,
                  new JsonObject().put("session", s.currentSession()))
              .map(r -> Change.of(s.with(s.state().withEnded(userId)), NewEvent.of("participation_ended",
                  facilitator, new JsonObject().put("userId", userId))));
        })))
        .map(events -> new JsonObject().put("groupId", groupId).put("userId", userId).put("status", "ended")
            .put("endedAt", endedAt[0]).put("seq", events.get(0).getLong("seq")));
  }
}
