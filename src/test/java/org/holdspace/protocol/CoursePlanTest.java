package org.holdspace.protocol;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Where a course stands in its plan, cancelled sessions skipped")
class CoursePlanTest {
  private static final Protocol WHO = Protocols.builtIn().get("who-group-ipt");

  @ParameterizedTest(name = "cancelled [{0}], session {1} {2}: upcoming {3}, next {4}, over {5}, plan phase {6}")
  @DisplayName("WHO Group IPT (1 initial, 2-7 middle, 8 termination)")
  @CsvSource(value = {
      "'', 0, planned, 1, 1, false, initial",
      "'', 3, ended, 4, 4, false, middle",
      "'', 7, ended, 8, 8, false, termination",
      "'', 8, ended, 8, 8, true, termination",
      "'4', 3, ended, 5, 5, false, middle",
      "'4', 3, live, 3, 5, false, middle",
      "'1', 0, planned, 2, 2, false, middle",
      "'8', 6, ended, 7, 7, false, termination",
      "'8', 7, live, 7, 7, false, termination",
      "'8', 7, ended, 7, 7, true, termination",
      "'4 5 6 7 8', 3, ended, 3, 3, true, termination",
      "'1 2 3 4 5 6 7 8', 0, planned, 0, 0, true, termination",
  })
  void position(String cancelled, int current, String status, int upcoming, int next, boolean over, String phase) {
    TreeSet<Integer> off = new TreeSet<>();
    Arrays.stream(cancelled.split(" ")).filter(s -> !s.isBlank()).forEach(s -> off.add(Integer.parseInt(s)));
    CoursePlan plan = new CoursePlan(WHO.split(8), off);
    boolean live = "live".equals(status);
    assertEquals(upcoming, plan.upcoming(current, live));
    assertEquals(next, plan.next(current));
    assertEquals(over, plan.over(current, live));
    assertEquals(phase, plan.planPhase(current, live).wire());
  }
}
