package org.holdspace.clinical;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("When the individual meetings fall by default")
class MeetingPlanTest {

  @Test
  @DisplayName("a week before session 1, in the week of the middle session, and a week after the last")
  void defaults() {
    Instant first = Instant.parse("2026-01-06T17:00:00Z");
    List<Instant> sessions = new ArrayList<>();
    for (int n = 0; n < 12; n++) {
      sessions.add(first.plus(Duration.ofDays(7L * n)));
    }
    Map<String, Instant> times = MeetingPlan.defaults(sessions);
    assertEquals(List.of("pre_group", "mid_course", "post_group"), List.copyOf(times.keySet()));
    assertEquals(Instant.parse("2025-12-30T17:00:00Z"), times.get("pre_group"));
    assertEquals(sessions.get(5), times.get("mid_course"), "session 6 of 12");
    assertEquals(sessions.get(11).plus(Duration.ofDays(7)), times.get("post_group"));
    sessions.add(first.plus(Duration.ofDays(7L * 12)));
    assertEquals(sessions.get(6), MeetingPlan.defaults(sessions).get("mid_course"), "session 7 of 13");
  }
}
