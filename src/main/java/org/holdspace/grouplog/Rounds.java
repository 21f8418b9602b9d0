package org.holdspace.grouplog;

import io.vertx.core.json.JsonObject;
import org.holdspace.core.AuthUser;

import java.time.Instant;
import java.util.List;

/** Go-round turns: each member of the round's order holds the floor in turn; after the last, the round ends. */
public final class Rounds {
  private Rounds() {
  }

  /** A state after a go-round step, and the events that say so. */
  public record Step(GroupState state, List<NewEvent> events) {
  }

  /** Starts a go-round over the members in this order and gives the first of them the turn. */
  public static Step start(GroupState state, AuthUser facilitator, String prompt, List<Long> order,
                           Integer turnSeconds, long now) {
    NewEvent started = NewEvent.of("round_started", facilitator, new JsonObject().put("prompt", prompt)
        .put("order", new io.vertx.core.json.JsonArray(order)).put("turnSeconds", turnSeconds));
    Step first = advance(state.withRound(new GroupState.Round(prompt, order, -1, turnSeconds, null)), facilitator, now);
    return new Step(first.state(), prepend(started, first.events()));
  }

  /** Moves to the next turn (or ends the round). */
  public static Step advance(GroupState state, AuthUser actor, long now) {
    GroupState.Round round = state.round();
    int next = round.index() + 1;
    if (next >= round.order().size()) {
      return end(state, actor);
    }
    Long until = round.turnSeconds() == null ? null : now + round.turnSeconds() * 1000L;
    GroupState.Round moved = new GroupState.Round(round.prompt(), round.order(), next, round.turnSeconds(), until);
    long member = moved.current();
    return new Step(state.withRound(moved).withFloor(member),
        List.of(NewEvent.of("round_turn", actor, new JsonObject().put("userId", member)
            .put("until", until == null ? null : Instant.ofEpochMilli(until).toString()))));
  }

  public static Step end(GroupState state, AuthUser actor) {
    return new Step(state.withRound(null).withFloor(null),
        List.of(NewEvent.of("round_ended", actor, new JsonObject())));
  }

  /** The event, then the others. */
  public static List<NewEvent> prepend(NewEvent first, List<NewEvent> rest) {
    List<NewEvent> all = new java.util.ArrayList<>(rest.size() + 1);
    all.add(first);
    all.addAll(rest);
    return all;
  }
}
