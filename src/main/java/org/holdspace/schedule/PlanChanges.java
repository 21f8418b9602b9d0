package org.holdspace.schedule;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.holdspace.audit.AuditLog;
import org.holdspace.core.AuthUser;
import org.holdspace.core.Refusal;
import org.holdspace.group.GroupAccess;
import org.holdspace.group.GroupStore;
import org.holdspace.group.GroupStore.StoredSession;

import java.time.Instant;
import java.util.List;

/**
 * A facilitator moves or cancels a session not yet held. The group's row is locked first, as a session start locks
 * it, so a session cannot start while it is being moved, and a change never lands on a session that has started.
 */
final class PlanChanges {
  private final Pool pool;
  private final GroupStore groups;
  private final ScheduleStore store = new ScheduleStore();
  private final GroupAccess access;
  private final AuditLog audit;

  PlanChanges(Pool pool, GroupStore groups, GroupAccess access, AuditLog audit) {
    this.pool = pool;
    this.groups = groups;
    this.access = access;
    this.audit = audit;
  }

  /** The plan entry after the change; {@code at} and {@code cancelled} are null when not asked for. */
  Future<JsonObject> change(AuthUser facilitator, long groupId, int number, Instant at, Boolean cancelled) {
    return access.requireFacilitator(facilitator, groupId)
        .compose(v -> pool.withTransaction(tx -> groups.lock(tx, groupId)
            .compose(locked -> Future.all(groups.find(tx, groupId), groups.sessions(tx, groupId)))
            .compose(all -> {
              GroupStore.StoredGroup group = all.<java.util.Optional<GroupStore.StoredGroup>>resultAt(0)
                  .orElseThrow(Refusal::notFound);
              List<StoredSession> plan = all.resultAt(1);
              StoredSession session = PlanOrder.find(plan, number);
              if (session == null) {
                throw Refusal.notFound("no session " + number + " in this group's plan");
              }
              if (session.held() || number <= group.currentSession()) {
                throw Refusal.conflict("session " + number + " has been held or passed: only sessions not yet held "
                    + "can be moved or cancelled");
              }
              StoredSession after = PlanOrder.apply(plan, session, at, cancelled);
              if (!PlanOrder.changed(session, after)) {
                return Future.succeededFuture(after.toJson());
              }
              return store.save(tx, groupId, after)
                  .compose(saved -> audit.record(tx, facilitator.id(), "session.schedule", groupId, null,
                      new JsonObject().put("number", number).put("scheduledAt", after.scheduledAt().toString())
                          .put("cancelled", after.cancelled())))
                  .map(recorded -> after.toJson());
            })));
  }
}
