package org.holdspace.clinical;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@DisplayName("Outcome flags by the NHS Talking Therapies definitions")
class OutcomesTest {

  @ParameterizedTest(name = "PHQ-9 {0}->{1}, GAD-7 {2}->{3}")
  @CsvSource(nullValues = "-", value = {
      // phq9 base, latest, gad7 base, latest | caseness base, latest | improvement, deterioration, recovery,
      // reliable recovery, response, remission
      "16, 8, 12, 5,   true, false,   true, false, true, true, true, false",
      "16, 12, 12, 5,  true, true,    true, false, false, false, false, false",
      "8, 16, 5, 6,    false, true,   false, true, false, false, false, false",
      "20, 10, 15, 20, true, true,    false, false, false, false, true, false",
      "9, 3, 7, 7,     false, false,  true, false, false, false, true, true",
      "10, 4, 8, 4,    true, false,   true, false, true, true, true, true",
      "10, 5, 8, 7,    true, false,   false, false, true, false, true, false",
      "6, 2, 4, 3,     false, false,  false, false, false, false, true, true",
      "0, 0, 0, 0,     false, false,  false, false, false, false, false, true",
      // missing data: the flags that need it are null
      "16, 4, -, -,    true, -,       -, -, -, -, true, true",
      "6, 4, -, -,     -, -,          -, -, -, -, false, true",
      "16, -, 12, -,   true, -,       -, -, -, -, -, -",
      "-, -, 12, 3,    true, -,       -, -, -, -, -, -",
      "-, -, 5, 3,     -, -,          -, -, -, -, -, -",
      "-, -, -, -,     -, -,          -, -, -, -, -, -",
      "16, 8, 12, -,   true, -,       -, -, -, -, true, false",
      "4, 12, 3, -,    false, true,   -, -, -, -, false, false"})
  @DisplayName("every flag, including each one without its data")
  void flags(Integer phqBase, Integer phqLatest, Integer gadBase, Integer gadLatest, Boolean casenessBase,
             Boolean casenessLatest, Boolean improvement, Boolean deterioration, Boolean recovery,
             Boolean reliableRecovery, Boolean response, Boolean remission) {
    Outcomes.Flags f = Outcomes.of(new Outcomes.Pair(phqBase, phqLatest), new Outcomes.Pair(gadBase, gadLatest));
    assertEquals(casenessBase, f.casenessBaseline(), "caseness at baseline");
    assertEquals(casenessLatest, f.casenessLatest(), "caseness at latest");
    assertEquals(improvement, f.reliableImprovement(), "reliable improvement");
    assertEquals(deterioration, f.reliableDeterioration(), "reliable deterioration");
    assertEquals(recovery, f.recovery(), "recovery");
    assertEquals(reliableRecovery, f.reliableRecovery(), "reliable recovery");
    assertEquals(response, f.response(), "response");
    assertEquals(remission, f.remission(), "remission");
  }

  @Test
  @DisplayName("baseline is the first total and latest the last; one questionnaire gives a baseline only")
  void pairs() {
    assertEquals(new Outcomes.Pair(16, 7), Outcomes.Pair.of(List.of(16, 12, 7)));
    assertEquals(-9, Outcomes.Pair.of(List.of(16, 12, 7)).change());
    Outcomes.Pair one = Outcomes.Pair.of(List.of(16));
    assertEquals(16, one.baseline());
    assertNull(one.latest());
    assertNull(one.change());
    assertEquals(Outcomes.Pair.NONE, Outcomes.Pair.of(List.of()));
  }
}
