package org.holdspace.group;

import org.holdspace.protocol.Protocol;
import org.holdspace.protocol.SessionPlan;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Protocols and session plans")
class SessionPlanTest {
  private static final Instant FIRST = Instant.parse("2026-01-06T17:00:00Z");

  private static Protocol protocol(String name) {
    return Protocol.named(name).orElseThrow();
  }

  /** The phases of a plan written as one letter per session: i(nitial), m(iddle), t(ermination). */
  private static String phases(List<SessionPlan.PlannedSession> plan) {
    StringBuilder sb = new StringBuilder();
    plan.forEach(s -> sb.append(s.phase().wire().charAt(0)));
    return sb.toString();
  }

  @ParameterizedTest(name = "{0} with {1} sessions: {2}")
  @DisplayName("gives each session its phase")
  @CsvSource({
      "ipt, 12, iiimmmmmmmtt",
      "ipt, 14, iiimmmmmmmmmtt",
      "ipt, 16, iiimmmmmmmmmmmtt",
      "ipt-individual, 12, iiimmmmmmmtt",
      "dit, 16, iiiimmmmmmmmtttt",
  })
  void phases(String name, int sessions, String expected) {
    List<SessionPlan.PlannedSession> plan = SessionPlan.of(protocol(name), sessions, FIRST);
    assertEquals(expected, phases(plan));
    for (int n = 1; n <= sessions; n++) {
      assertEquals(n, plan.get(n - 1).number());
      assertEquals(plan.get(n - 1).phase(), protocol(name).phaseOf(n, sessions));
    }
  }

  @Test
  @DisplayName("schedules the sessions weekly from the first")
  void weekly() {
    List<SessionPlan.PlannedSession> plan = SessionPlan.of(protocol("ipt"), 16, FIRST);
    assertEquals(FIRST, plan.get(0).scheduledAt());
    for (int i = 1; i < plan.size(); i++) {
      assertEquals(Duration.ofDays(7), Duration.between(plan.get(i - 1).scheduledAt(), plan.get(i).scheduledAt()));
    }
    assertEquals("{\"number\":1,\"phase\":\"initial\",\"scheduledAt\":\"2026-01-06T17:00:00Z\"}",
        plan.get(0).toJson().encode());
  }

  @ParameterizedTest(name = "{0} with {1} sessions")
  @DisplayName("refuses a session count the protocol does not allow, naming the field")
  @CsvSource({"ipt, 11", "ipt, 17", "ipt-individual, 0", "dit, 12", "dit, 17"})
  void refusedCounts(String name, int sessions) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SessionPlan.of(protocol(name), sessions, FIRST));
    assertTrue(e.getMessage().startsWith("sessionCount: "), e.getMessage());
  }

  @Test
  @DisplayName("knows ipt, ipt-individual and dit with their limits, and nothing else")
  void protocols() {
    assertEquals(Set.of("ipt", "ipt-individual", "dit"), Protocol.names());
    assertEquals(new Protocol("ipt", 12, 16, 12, 3, 2), protocol("ipt"));
    assertEquals(1, protocol("ipt-individual").maxMembers());
    assertEquals(new Protocol("dit", 16, 16, 12, 4, 4), protocol("dit"));
    assertTrue(Protocol.named("cbt").isEmpty());
    assertTrue(Protocol.named("IPT").isEmpty());
  }
}
