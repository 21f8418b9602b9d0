package org.holdspace.moderation;

import io.vertx.core.json.JsonObject;
import org.holdspace.auth.AuthUser;
import org.holdspace.chat.EventLog.NewEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Go-round turns: each member of the round's order holds the floor in turn; after the last, the round ends. */
final class Rounds {
  private Rounds() {
  }

  /** Moves to the next turn (or ends the round) and answers the events that say so. */
  static List<NewEvent> advance(GroupState state, AuthUser actor, long now) {
    GroupState.Round round = state.round();
    int next = round.index() + 1;
    if (next >= round.order().size()) {
      return end(state, actor);
    }
    Long until = round.turnSeconds() == null ? null : now + round.turnSeconds() * 1000L;
    GroupState.Round moved = new GroupState.Round(round.prompt(), round.order(), next, round.turnSeconds(), until);
    state.setRound(moved);
    long member = moved.current();
    state.setFloor(member);
    List<NewEvent> events = new ArrayList<>();
    events.add(new NewEvent("round_turn", actor, null, new JsonObject().put("userId", member)
        .put("until", until == null ? null : Instant.ofEpochMilli(until).toString())));
    return events;
  }

  static List<NewEvent> end(GroupState state, AuthUser actor) {
    state.setRound(null);
    state.setFloor(null);
    return List.of(new NewEvent("round_ended", actor, null, new JsonObject()));
  }
}
