package org.holdspace.clinical;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Scoring PHQ-9 and GAD-7")
class InstrumentTest {

  @ParameterizedTest(name = "PHQ-9 total {0} is {1}")
  @CsvSource({"0,minimal", "4,minimal", "5,mild", "9,mild", "10,moderate", "14,moderate", "15,moderately_severe",
      "19,moderately_severe", "20,severe", "27,severe"})
  @DisplayName("PHQ-9 severity bands change exactly at 5, 10, 15 and 20")
  void phq9Bands(int total, String severity) {
    assertEquals(severity, Instrument.PHQ9.severity(total));
    Instrument.Score score = Instrument.PHQ9.score(answersSummingTo(9, total));
    assertEquals(total, score.total());
    assertEquals(severity, score.severity());
  }

  @ParameterizedTest(name = "GAD-7 total {0} is {1}")
  @CsvSource({"0,minimal", "4,minimal", "5,mild", "9,mild", "10,moderate", "14,moderate", "15,severe", "21,severe"})
  @DisplayName("GAD-7 severity bands change exactly at 5, 10 and 15")
  void gad7Bands(int total, String severity) {
    Instrument.Score score = Instrument.GAD7.score(answersSummingTo(7, total));
    assertEquals(total, score.total());
    assertEquals(severity, score.severity());
  }

  @Test
  @DisplayName("a PHQ-9 total is the plain sum of its nine answers")
  void totalIsTheSum() {
    assertEquals(new Instrument.Score(13, "moderate"), Instrument.PHQ9.score(List.of(3, 2, 1, 0, 3, 2, 1, 1, 0)));
  }

  @Test
  @DisplayName("any answer above 0 on PHQ-9 item 9 raises a risk alert, and nothing else does")
  void item9RaisesTheAlert() {
    for (int answer = 1; answer <= 3; answer++) {
      assertTrue(Instrument.PHQ9.raisesRiskAlert(List.of(0, 0, 0, 0, 0, 0, 0, 0, answer)));
    }
    assertFalse(Instrument.PHQ9.raisesRiskAlert(List.of(3, 3, 3, 3, 3, 3, 3, 3, 0)));
    assertFalse(Instrument.GAD7.raisesRiskAlert(List.of(3, 3, 3, 3, 3, 3, 3)));
  }

  @Test
  @DisplayName("wrong item counts and answers outside 0-3 are refused, naming the item; nothing is filled in")
  void refusesIncompleteOrOutOfRange() {
    IllegalArgumentException tooFew = assertThrows(IllegalArgumentException.class,
        () -> Instrument.PHQ9.score(List.of(1, 1, 1, 1, 1, 1, 1, 1)));
    assertTrue(tooFew.getMessage().contains("exactly 9"), tooFew.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Instrument.GAD7.score(List.of(1, 1, 1, 1, 1, 1, 1, 1, 1)));
    IllegalArgumentException outOfRange = assertThrows(IllegalArgumentException.class,
        () -> Instrument.PHQ9.score(List.of(0, 0, 0, 4, 0, 0, 0, 0, 0)));
    assertTrue(outOfRange.getMessage().contains("item 4"), outOfRange.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Instrument.PHQ9.score(List.of(0, 0, 0, 0, -1, 0, 0, 0, 0)));
    assertThrows(IllegalArgumentException.class, () -> Instrument.PHQ9.score(Arrays.asList(0, 0, null, 0, 0, 0, 0, 0, 0)));
    assertThrows(IllegalArgumentException.class, () -> Instrument.PHQ9.severity(28));
  }

  @Test
  @DisplayName("instrument names on the wire are phq9 and gad7, and nothing else")
  void wireNames() {
    assertEquals(Instrument.PHQ9, Instrument.fromWire("phq9").orElseThrow());
    assertEquals(Instrument.GAD7, Instrument.fromWire("gad7").orElseThrow());
    assertTrue(Instrument.fromWire("PHQ9").isEmpty());
    assertTrue(Instrument.fromWire("bdi").isEmpty());
  }

  private static List<Integer> answersSummingTo(int items, int total) {
    List<Integer> answers = new ArrayList<>();
    int left = total;
    for (int i = 0; i < items; i++) {
      int a = Math.min(3, left);
      answers.add(a);
      left -= a;
    }
    assertEquals(0, left, "test set-up: total too large for the item count");
    return answers;
  }
}
