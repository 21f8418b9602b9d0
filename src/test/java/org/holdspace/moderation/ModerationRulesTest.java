package org.holdspace.moderation;

import org.holdspace.core.Refusal;
import org.holdspace.grouplog.GroupState;
import org.holdspace.alert.RiskPhrases;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Moderation rules")
class ModerationRulesTest {
  private static final long NOW = 1_000_000L;

  @Test
  @DisplayName("outside a live session only facilitators talk")
  void waitingRoom() {
    GroupState state = GroupState.empty();
    assertEquals(Optional.of("not_live"), SpeakingRules.refusal(false, 7, false, state, NOW).map(Refusal.Code::wire));
    assertEquals(Optional.empty(), SpeakingRules.refusal(true, 1, false, state, NOW).map(Refusal.Code::wire));
  }

  @Test
  @DisplayName("a timed mute holds until its end and not after")
  void timedMute() {
    GroupState state = GroupState.empty();
    state = state.withMute(7, NOW + 1000);
    assertEquals(Optional.of("muted"), SpeakingRules.refusal(false, 7, true, state, NOW + 999).map(Refusal.Code::wire));
    assertEquals(Optional.empty(), SpeakingRules.refusal(false, 7, true, state, NOW + 1000).map(Refusal.Code::wire));
    assertEquals(List.of(7L), state.expiredMutes(NOW + 1000));
    assertEquals(NOW + 1000, state.nextDeadline());
  }

  @Test
  @DisplayName("a lock lets only the floor holder among members speak, and removal outranks everything")
  void lockFloorRemoval() {
    GroupState state = GroupState.empty();
    state = state.withLocked(true).withFloor(8L);
    assertEquals(Optional.of("locked"), SpeakingRules.refusal(false, 7, true, state, NOW).map(Refusal.Code::wire));
    assertEquals(Optional.empty(), SpeakingRules.refusal(false, 8, true, state, NOW).map(Refusal.Code::wire));
    state = state.withRemoved(8);
    assertEquals(Optional.of("forbidden"), SpeakingRules.refusal(false, 8, true, state, NOW).map(Refusal.Code::wire));
    assertEquals(null, state.floor());
  }

  @Test
  @DisplayName("the state survives its stored form, go-round included")
  void roundTripJson() {
    GroupState state = GroupState.empty();
    state = state.withHandRaised(3).withHandRaised(4).withMute(5, null).withSlowMode(30)
        .withRound(new GroupState.Round("check-in", List.of(3L, 4L), 1, 60, NOW));
    JsonObject stored = new JsonObject(state.toJson().encode());
    GroupState back = GroupState.fromJson(stored);
    assertEquals(List.of(3L, 4L), back.hands());
    assertTrue(back.isMuted(5, Long.MAX_VALUE));
    assertEquals(30, back.slowModeSeconds());
    assertEquals(4L, back.round().current());
    assertEquals(NOW, back.nextDeadline());
  }

  @Test
  @DisplayName("risk phrases match whole words regardless of case, accents and punctuation")
  void riskPhrases() {
    RiskPhrases phrases = new RiskPhrases(List.of("kill myself", "quiero morir", "Selbstmord"));
    assertTrue(phrases.matches("Sometimes I want to KILL   myself..."));
    assertTrue(phrases.matches("¡Quiero morír!"));
    assertTrue(phrases.matches("an SELBSTMORD gedacht"));
    assertFalse(phrases.matches("I could kill myselfie sticks"));
    assertFalse(phrases.matches("a good week overall"));
  }
}
