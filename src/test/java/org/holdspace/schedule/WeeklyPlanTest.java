package org.holdspace.schedule;

import org.holdspace.protocol.Protocol;
import org.holdspace.protocol.Protocols;
import org.holdspace.protocol.SessionPlan;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Weekly sessions keep their wall-clock time in the group's zone")
class WeeklyPlanTest {
  private static final Protocol IPT = Protocols.builtIn().get("ipt");

  @ParameterizedTest(name = "{0}, first {1}: session {2} at {3}")
  @DisplayName("across daylight saving changes the local time stays and the UTC time moves")
  @CsvSource({
      // Berlin leaves summer time on 25 October 2026: 18:00 is 16:00Z before and 17:00Z after.
      "Europe/Berlin, 2026-10-13T16:00:00Z, 1, 2026-10-13T16:00:00Z, 18:00",
      "Europe/Berlin, 2026-10-13T16:00:00Z, 2, 2026-10-20T16:00:00Z, 18:00",
      "Europe/Berlin, 2026-10-13T16:00:00Z, 3, 2026-10-27T17:00:00Z, 18:00",
      // New York enters summer time on 8 March 2026: 19:00 is 00:00Z (next day) before and 23:00Z after.
      "America/New_York, 2026-03-04T00:00:00Z, 1, 2026-03-04T00:00:00Z, 19:00",
      "America/New_York, 2026-03-04T00:00:00Z, 2, 2026-03-10T23:00:00Z, 19:00",
      // Sydney leaves summer time on 5 April 2026 (southern hemisphere): 10:00 is 23:00Z before, 00:00Z after.
      "Australia/Sydney, 2026-03-28T23:00:00Z, 2, 2026-04-05T00:00:00Z, 10:00",
      // UTC never moves.
      "UTC, 2026-10-13T16:00:00Z, 12, 2026-12-29T16:00:00Z, 16:00",
  })
  void wallClockKept(String zone, String first, int number, String expected, String local) {
    List<SessionPlan.PlannedSession> plan = SessionPlan.of(IPT, 12, Instant.parse(first), ZoneId.of(zone));
    Instant at = plan.get(number - 1).scheduledAt();
    assertEquals(Instant.parse(expected), at);
    assertEquals(LocalTime.parse(local), at.atZone(ZoneId.of(zone)).toLocalTime());
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("a time that does not exist in a later week (the skipped spring hour) takes the time after the gap")
  @CsvSource({
      // 02:30 on Sunday 29 March 2026 does not exist in Berlin: the clocks jump from 02:00 to 03:00.
      "Europe/Berlin, 2026-03-22T01:30:00Z, 2026-03-29T01:30:00Z, 03:30",
  })
  void gap(String zone, String first, String expected, String local) {
    List<SessionPlan.PlannedSession> plan = SessionPlan.of(IPT, 12, Instant.parse(first), ZoneId.of(zone));
    assertEquals(Instant.parse(expected), plan.get(1).scheduledAt());
    assertEquals(LocalTime.parse(local), plan.get(1).scheduledAt().atZone(ZoneId.of(zone)).toLocalTime());
    assertEquals(LocalTime.parse("02:30"), plan.get(2).scheduledAt().atZone(ZoneId.of(zone)).toLocalTime());
  }
}
