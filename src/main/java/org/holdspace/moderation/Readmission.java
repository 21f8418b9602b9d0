package org.holdspace.moderation;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.holdspace.audit.AuditLog;
import org.holdspace.core.Addresses;
import org.holdspace.core.AuthUser;
import org.holdspace.core.Refusal;
import org.holdspace.group.Enrolment;
import org.holdspace.grouplog.Change;
import org.holdspace.grouplog.EventLog;
import org.holdspace.grouplog.NewEvent;

import java.util.List;

/**
 * Undoes a removal: a facilitator lets a member who was removed from the live session back in, with a
 * {@code readmit} event (audited). The member's sockets no longer follow the group once removed, so each of them is
 * also told on the account's private address ({@code {"type":"readmitted", groupId}}) and may join again.
 */
public final class Readmission {
  private final Vertx vertx;
  private final EventLog log;
  private final AuditLog audit;
  private final Enrolment enrolment;

  public Readmission(Vertx vertx, EventLog log, AuditLog audit, Enrolment enrolment) {
    this.vertx = vertx;
    this.log = log;
    this.audit = audit;
    this.enrolment = enrolment;
  }

  /** The seq of the {@code readmit} event; {@code not_found} for a member who is not removed from this session. */
  public Future<Long> readmit(AuthUser facilitator, long groupId, long userId) {
    return log.change(groupId, (tx, s) -> {
      if (!s.live()) {
        return Future.failedFuture(Refusal.notLive());
      }
      return enrolment.isMember(tx, groupId, userId).compose(member -> {
        if (!member) {
          return Future.failedFuture(Refusal.notFound("userId: not a member of this group"));
        }
        if (!s.state().isRemoved(userId)) {
          return Future.failedFuture(Refusal.notFound("userId: not removed from this session"));
        }
        Change change = Change.of(s.with(s.state().withReadmitted(userId)),
            NewEvent.of("readmit", facilitator, new JsonObject().put("userId", userId)));
        return audit.record(tx, facilitator.id(), "moderation.readmit", groupId, userId, null).map(change);
      });
    }).map(events -> {
      vertx.eventBus().publish(Addresses.user(userId),
          new JsonObject().put("type", "readmitted").put("groupId", groupId));
      return seqOf(events);
    });
  }

  private static Long seqOf(List<JsonObject> events) {
    return events.isEmpty() ? null : events.get(events.size() - 1).getLong("seq");
  }
}
