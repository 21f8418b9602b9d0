package org.holdspace.grouplog;

import io.vertx.core.json.JsonObject;
import org.holdspace.core.AuthUser;

import java.util.ArrayList;
import java.util.List;

/**
 * What the end of a session clears, each as its own event so that a client replaying the log reaches the state the
 * server holds: the go-round ends ({@code round_ended}), the floor opens ({@code floor} with no one), raised hands go
 * down ({@code hand_lowered} each), the lock and slow mode are lifted ({@code unlock}, {@code slow_mode} 0) and
 * members removed from the session are let back in ({@code readmit} each). Mutes are not cleared: an indefinite mute
 * lasts until a facilitator lifts it, a timed one until it runs out. Starting a session clears nothing. Pure.
 */
public final class SessionClearing {
  private SessionClearing() {
  }

  /** The state after the session's end, and the events that say what was cleared. */
  public static Rounds.Step atEnd(GroupState state, AuthUser actor) {
    List<NewEvent> events = new ArrayList<>();
    GroupState next = state;
    if (next.round() != null) {
      Rounds.Step ended = Rounds.end(next, actor);
      next = ended.state();
      events.addAll(ended.events());
    }
    if (next.floor() != null) {
      next = next.withFloor(null);
      events.add(NewEvent.of("floor", actor, new JsonObject().putNull("userId")));
    }
    for (Long userId : List.copyOf(next.hands())) {
      next = next.withHandLowered(userId);
      events.add(NewEvent.of("hand_lowered", actor, new JsonObject().put("userId", userId)));
    }
    if (next.locked()) {
      next = next.withLocked(false);
      events.add(NewEvent.of("unlock", actor, new JsonObject()));
    }
    if (next.slowModeSeconds() > 0) {
      next = next.withSlowMode(0);
      events.add(NewEvent.of("slow_mode", actor, new JsonObject().put("seconds", 0)));
    }
    for (Long userId : List.copyOf(next.removed())) {
      next = next.withReadmitted(userId);
      events.add(NewEvent.of("readmit", actor, new JsonObject().put("userId", userId)));
    }
    return new Rounds.Step(next, events);
  }
}
