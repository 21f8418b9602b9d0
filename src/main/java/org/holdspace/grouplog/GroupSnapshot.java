package org.holdspace.grouplog;

import io.vertx.core.json.JsonObject;
import org.holdspace.protocol.Phase;
import org.holdspace.protocol.Protocol;

/**
 * A group's row as read from the log's store: the last seq, the current session and the moderation state derived
 * from its events. Immutable: a change answers the snapshot it leads to.
 */
public record GroupSnapshot(long groupId, long lastSeq, int currentSession, SessionStatus status, int sessionCount,
                            Protocol protocol, GroupState state) {

  public boolean live() {
    return status == SessionStatus.LIVE;
  }

  /** The phase of the current session (of session 1 before any has started). */
  public Phase phase() {
    return protocol.phaseOf(Math.max(1, currentSession), sessionCount);
  }

  /** The contract's {@code session} object. */
  public JsonObject sessionJson() {
    return new JsonObject()
        .put("number", currentSession)
        .put("phase", phase().wire())
        .put("status", status.wire())
        .put("sessionCount", sessionCount);
  }

  /** The same group with another moderation state. */
  public GroupSnapshot with(GroupState next) {
    return new GroupSnapshot(groupId, lastSeq, currentSession, status, sessionCount, protocol, next);
  }

  /** The same group in another session or session status, with the given state. */
  public GroupSnapshot inSession(int number, SessionStatus nextStatus, GroupState next) {
    return new GroupSnapshot(groupId, lastSeq, number, nextStatus, sessionCount, protocol, next);
  }

  GroupSnapshot withLastSeq(long seq) {
    return new GroupSnapshot(groupId, seq, currentSession, status, sessionCount, protocol, state);
  }
}
