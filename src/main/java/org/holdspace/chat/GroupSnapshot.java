package org.holdspace.chat;

import io.vertx.core.json.JsonObject;
import org.holdspace.group.Phase;
import org.holdspace.group.Protocol;
import org.holdspace.moderation.GroupState;

/** A group's row as read under its lock: the last seq, the session and the moderation state, changed in place. */
public final class GroupSnapshot {
  public final long groupId;
  public long lastSeq;
  public int currentSession;
  public String sessionStatus;
  public final int sessionCount;
  public final Protocol protocol;
  public GroupState state;

  GroupSnapshot(long groupId, long lastSeq, int currentSession, String sessionStatus, int sessionCount,
                Protocol protocol, GroupState state) {
    this.groupId = groupId;
    this.lastSeq = lastSeq;
    this.currentSession = currentSession;
    this.sessionStatus = sessionStatus;
    this.sessionCount = sessionCount;
    this.protocol = protocol;
    this.state = state;
  }

  public boolean live() {
    return sessionStatus.equals("live");
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
        .put("status", sessionStatus)
        .put("sessionCount", sessionCount);
  }
}
