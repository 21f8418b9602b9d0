package org.holdspace.grouplog;

import io.vertx.core.json.JsonObject;
import org.holdspace.protocol.Phase;
import org.holdspace.protocol.CoursePlan;

/**
 * A group's row as read from the log's store: the last seq, the current session, the clinical phase its facilitator
 * moved it to, its plan (phase split and cancelled sessions) and the moderation state derived from its events.
 * Immutable: a change answers the snapshot it leads to.
 */
public record GroupSnapshot(long groupId, long lastSeq, int currentSession, SessionStatus status, int sessionCount,
                            Phase phase, CoursePlan plan, GroupState state) {

  public boolean live() {
    return status == SessionStatus.LIVE;
  }

  /** The phase the plan gives the upcoming session (the live one, else the next not cancelled). */
  public Phase planPhase() {
    return plan.planPhase(currentSession, live());
  }

  /** The contract's {@code session} object: {@code phase} is the clinical phase, {@code planPhase} the plan's. */
  public JsonObject sessionJson() {
    return new JsonObject()
        .put("number", currentSession)
        .put("phase", phase.wire())
        .put("planPhase", planPhase().wire())
        .put("status", status.wire())
        .put("sessionCount", sessionCount);
  }

  /** The same group with another moderation state. */
  public GroupSnapshot with(GroupState next) {
    return new GroupSnapshot(groupId, lastSeq, currentSession, status, sessionCount, phase, plan, next);
  }

  /** The same group in another clinical phase. */
  public GroupSnapshot inPhase(Phase next) {
    return new GroupSnapshot(groupId, lastSeq, currentSession, status, sessionCount, next, plan, state);
  }

  /** The same group in another session or session status, with the given state. */
  public GroupSnapshot inSession(int number, SessionStatus nextStatus, GroupState next) {
    return new GroupSnapshot(groupId, lastSeq, number, nextStatus, sessionCount, phase, plan, next);
  }

  GroupSnapshot withLastSeq(long seq) {
    return new GroupSnapshot(groupId, seq, currentSession, status, sessionCount, phase, plan, state);
  }
}
