package org.holdspace.session;

import io.vertx.core.json.JsonObject;
import org.holdspace.grouplog.GroupState;
import org.holdspace.grouplog.NewEvent;
import org.holdspace.grouplog.Rounds;
import org.holdspace.grouplog.SessionClearing;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("What the end of a session clears")
class SessionClearingTest {

  private static List<String> kinds(Rounds.Step step) {
    return step.events().stream().map(NewEvent::kind).toList();
  }

  @Test
  @DisplayName("nothing to clear, no event")
  void quiet() {
    Rounds.Step step = SessionClearing.atEnd(GroupState.empty(), null);
    assertEquals(List.of(), step.events());
  }

  @Test
  @DisplayName("go-round, floor, each hand, lock, slow mode and each removal end, one event each, in that order")
  void everything() {
    GroupState state = GroupState.empty().withHandRaised(1).withHandRaised(2).withHandRaised(3).withRemoved(3)
        .withLocked(true).withSlowMode(20).withMute(1, null).withMute(2, 99L).withFloor(4L)
        .withRound(new GroupState.Round("how was the week?", List.of(4L, 5L), 0, null, null));
    Rounds.Step step = SessionClearing.atEnd(state, null);
    assertEquals(List.of("round_ended", "hand_lowered", "hand_lowered", "unlock", "slow_mode", "readmit"),
        kinds(step));
    assertEquals(List.of(1L, 2L), step.events().subList(1, 3).stream().map(e -> e.body().getLong("userId")).toList());
    assertEquals(new JsonObject().put("seconds", 0), step.events().get(4).body());
    GroupState after = step.state();
    assertNull(after.round());
    assertNull(after.floor());
    assertEquals(List.of(), after.hands());
    assertFalse(after.locked());
    assertEquals(0, after.slowModeSeconds());
    assertFalse(after.isRemoved(3));
    assertTrue(after.isMuted(1, Long.MAX_VALUE), "an indefinite mute stays");
    assertTrue(after.hasMute(2), "a timed mute runs on until it expires");
  }

  @Test
  @DisplayName("a floor without a go-round is taken back with a floor event; an ended participation stays ended")
  void floorAndEnded() {
    GroupState state = GroupState.empty().withFloor(7L).withEnded(8);
    Rounds.Step step = SessionClearing.atEnd(state, null);
    assertEquals(List.of("floor"), kinds(step));
    assertTrue(step.events().get(0).body().containsKey("userId"));
    assertTrue(step.state().hasEnded(8));
    assertTrue(step.state().isExcluded(8));
  }
}
