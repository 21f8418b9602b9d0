package org.holdspace.clinical;

import org.holdspace.protocol.Phase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Moving a group between IPT phases")
class PhaseRulesTest {

  @Test
  @DisplayName("the middle phase may start when every active member has a primary focus area")
  void middleWithEveryFocus() {
    PhaseRules.Decision d = PhaseRules.decide(Phase.INITIAL, Phase.MIDDLE, List.of(), null);
    assertTrue(d.allowed());
    assertFalse(d.override());
  }

  @Test
  @DisplayName("the middle phase is refused while a member has no focus area, and the refusal names them by id")
  void middleRefusedWithoutFocus() {
    PhaseRules.Decision d = PhaseRules.decide(Phase.INITIAL, Phase.MIDDLE, List.of(17L, 23L), null);
    assertFalse(d.allowed());
    assertTrue(d.reason().contains("[17, 23]"), d.reason());
    assertFalse(PhaseRules.decide(Phase.INITIAL, Phase.MIDDLE, List.of(17L), "  ").allowed());
  }

  @Test
  @DisplayName("a reason lets the facilitator start the middle phase anyway, marked as an override")
  void middleByOverride() {
    PhaseRules.Decision d = PhaseRules.decide(Phase.INITIAL, Phase.MIDDLE, List.of(17L), "agreed in supervision");
    assertTrue(d.allowed());
    assertTrue(d.override());
  }

  @Test
  @DisplayName("termination follows the middle phase without conditions")
  void termination() {
    PhaseRules.Decision d = PhaseRules.decide(Phase.MIDDLE, Phase.TERMINATION, List.of(5L), null);
    assertTrue(d.allowed());
    assertFalse(d.override());
  }

  @Test
  @DisplayName("phases go forward one at a time: no skipping, no going back, no repeating")
  void forwardOneStep() {
    assertFalse(PhaseRules.decide(Phase.INITIAL, Phase.TERMINATION, List.of(), "reason").allowed());
    assertFalse(PhaseRules.decide(Phase.MIDDLE, Phase.INITIAL, List.of(), null).allowed());
    assertFalse(PhaseRules.decide(Phase.TERMINATION, Phase.MIDDLE, List.of(), null).allowed());
    assertFalse(PhaseRules.decide(Phase.MIDDLE, Phase.MIDDLE, List.of(), null).allowed());
    assertFalse(PhaseRules.decide(Phase.TERMINATION, Phase.TERMINATION, List.of(), null).allowed());
  }

  @Test
  @DisplayName("the group is behind its plan only when the plan has reached a later phase")
  void behindPlan() {
    assertTrue(PhaseRules.behindPlan(Phase.INITIAL, Phase.MIDDLE));
    assertTrue(PhaseRules.behindPlan(Phase.MIDDLE, Phase.TERMINATION));
    assertFalse(PhaseRules.behindPlan(Phase.MIDDLE, Phase.MIDDLE));
    assertFalse(PhaseRules.behindPlan(Phase.TERMINATION, Phase.MIDDLE));
  }
}
