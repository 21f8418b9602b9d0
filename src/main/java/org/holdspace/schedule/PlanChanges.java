package org.holdspace.schedule;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.holdspace.audit.AuditLog;
import org.holdspace.core.AuthUser;
import org.holdspace.core.Refusal;
import org.holdspace.group.GroupAccess;
import org.holdspace.group.GroupStore;
import org.holdspace.group.GroupStore.StoredSession;
import org.holdspace.grouplog.Change;
import org.holdspace.grouplog.EventLog;
import org.holdspace.grouplog.NewEvent;

import java.time.Instant;

/**
 * A facilitator moves or cancels a session not yet held. The change is made on the locked group, as a session start
 * is, so a session cannot start while it is being moved, and a change never lands on a session that has started. It
 * is written to the group's log as a {@code session_scheduled} event, so open pages update their plan.
 */
final class PlanChanges {
  private final EventLog log;
  private final GroupStore groups;
  private final ScheduleStore store = new ScheduleStore();
  private final GroupAccess access;
  private final AuditLog audit;

  PlanChanges(EventLog log, GroupStore groups, GroupAccess access, AuditLog audit) {
    this.log = log;
    this.groups = groups;
    this.access = access;
    this.audit = audit;
  }

  /** The plan entry after the change; {@code at} and {@code cancelled} are null when not asked for. */
  Future<JsonObject> change(AuthUser facilitator, long groupId, int number, Instant at, Boolean cancelled) {
    JsonObject[] entry = new JsonObject[1];
    return access.requireFacilitator(facilitator, groupId)
        .compose(v -> log.change(groupId, (tx, snapshot) -> groups.sessions(tx, groupId).compose(plan -> {
          StoredSession session = PlanOrder.find(plan, number);
          if (session == null) {
            throw Refusal.notFound("no session " + number + " in this group's plan");
          }
          if (session.held() || number <= snapshot.currentSession()) {
            throw Refusal.conflict("session " + number + " has been held or passed: only sessions not yet held "
                + "can be moved or cancelled");
          }
          StoredSession after = PlanOrder.apply(plan, session, at, cancelled);
          entry[0] = after.toJson();
          if (!PlanOrder.changed(session, after)) {
            return Future.succeededFuture(Change.none(snapshot));
          }
          JsonObject detail = new JsonObject().put("number", number).put("scheduledAt", after.scheduledAt().toString())
              .put("cancelled", after.cancelled());
          return store.save(tx, groupId, after)
              .compose(saved -> audit.record(tx, facilitator.id(), "session.schedule", groupId, null, detail))
              .map(recorded -> Change.of(snapshot, NewEvent.of("session_scheduled", facilitator, detail.copy())));
        })))
        .map(events -> entry[0]);
  }
}
