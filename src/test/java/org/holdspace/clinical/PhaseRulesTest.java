package org.holdspace.clinical;

import org.holdspace.protocol.Phase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Moving a group between IPT phases")
class PhaseRulesTest {
  /** A course of 12 whose termination starts at 11, meeting for session 11 next. */
  private static final PhaseRules.Timing AT_TERMINATION = new PhaseRules.Timing(11, 11, true);

  @Test
  @DisplayName("the middle phase may start when every active member has a primary focus area")
  void middleWithEveryFocus() {
    PhaseRules.Decision d = PhaseRules.decide(Phase.INITIAL, Phase.MIDDLE, List.of(), null, AT_TERMINATION);
    assertTrue(d.allowed());
    assertFalse(d.override());
  }

  @Test
  @DisplayName("the middle phase is refused while a member has no focus area, and the refusal names them by id")
  void middleRefusedWithoutFocus() {
    PhaseRules.Decision d = PhaseRules.decide(Phase.INITIAL, Phase.MIDDLE, List.of(17L, 23L), null, AT_TERMINATION);
    assertFalse(d.allowed());
    assertTrue(d.reason().contains("[17, 23]"), d.reason());
    assertFalse(PhaseRules.decide(Phase.INITIAL, Phase.MIDDLE, List.of(17L), "  ", AT_TERMINATION).allowed());
  }

  @Test
  @DisplayName("a reason lets the facilitator start the middle phase anyway, marked as an override")
  void middleByOverride() {
    PhaseRules.Decision d = PhaseRules.decide(Phase.INITIAL, Phase.MIDDLE, List.of(17L), "agreed in supervision",
        AT_TERMINATION);
    assertTrue(d.allowed());
    assertTrue(d.override());
  }

  @Test
  @DisplayName("termination follows the middle phase once the plan has reached it, whatever the focus areas")
  void termination() {
    PhaseRules.Decision d = PhaseRules.decide(Phase.MIDDLE, Phase.TERMINATION, List.of(5L), null, AT_TERMINATION);
    assertTrue(d.allowed());
    assertFalse(d.override());
  }

  @Test
  @DisplayName("phases go forward one at a time: no skipping, no going back, no repeating")
  void forwardOneStep() {
    assertFalse(PhaseRules.decide(Phase.INITIAL, Phase.TERMINATION, List.of(), "reason", AT_TERMINATION)
        .allowed());
    assertFalse(PhaseRules.decide(Phase.MIDDLE, Phase.INITIAL, List.of(), null, AT_TERMINATION).allowed());
    assertFalse(PhaseRules.decide(Phase.TERMINATION, Phase.MIDDLE, List.of(), null, AT_TERMINATION).allowed());
    assertFalse(PhaseRules.decide(Phase.MIDDLE, Phase.MIDDLE, List.of(), null, AT_TERMINATION).allowed());
    assertFalse(PhaseRules.decide(Phase.TERMINATION, Phase.TERMINATION, List.of(), null, AT_TERMINATION)
        .allowed());
  }

  @Test
  @DisplayName("the group is behind its plan only when the plan has reached a later phase")
  void behindPlan() {
    assertTrue(PhaseRules.behindPlan(Phase.INITIAL, Phase.MIDDLE));
    assertTrue(PhaseRules.behindPlan(Phase.MIDDLE, Phase.TERMINATION));
    assertFalse(PhaseRules.behindPlan(Phase.MIDDLE, Phase.MIDDLE));
    assertFalse(PhaseRules.behindPlan(Phase.TERMINATION, Phase.MIDDLE));
  }

  @ParameterizedTest(name = "upcoming session {0}, termination from {1}, by plan {2}, reason {3}: allowed {4}, "
      + "override {5}")
  @DisplayName("termination waits for the plan's termination unless a reason is given")
  @CsvSource(nullValues = "null", value = {
      "1, 8, false, null, false, false",
      "7, 8, false, null, false, false",
      "7, 8, false, 'the member moves abroad', true, true",
      "7, 8, false, '  ', false, false",
      "8, 8, true, null, true, false",
      "12, 11, true, null, true, false",
      "10, 11, false, null, false, false",
      // session 8 cancelled: 7 is the last session still to be held
      "7, 8, true, null, true, false",
  })
  void terminationByPlan(int upcoming, int from, boolean byPlan, String reason, boolean allowed, boolean override) {
    PhaseRules.Decision d = PhaseRules.decide(Phase.MIDDLE, Phase.TERMINATION, List.of(), reason,
        new PhaseRules.Timing(upcoming, from, byPlan));
    assertEquals(allowed, d.allowed(), String.valueOf(d.reason()));
    assertEquals(override, d.override());
    if (!allowed) {
      assertTrue(d.reason().contains("session " + from), d.reason());
    }
  }

  @Test
  @DisplayName("the group is ahead of its plan only when moved to a phase the plan has not reached")
  void aheadOfPlan() {
    assertTrue(PhaseRules.aheadOfPlan(Phase.TERMINATION, Phase.MIDDLE));
    assertTrue(PhaseRules.aheadOfPlan(Phase.MIDDLE, Phase.INITIAL));
    assertFalse(PhaseRules.aheadOfPlan(Phase.MIDDLE, Phase.MIDDLE));
    assertFalse(PhaseRules.aheadOfPlan(Phase.INITIAL, Phase.MIDDLE));
  }
}
