package org.holdspace.group;

import org.holdspace.protocol.Protocol;
import org.holdspace.protocol.Protocols;
import org.holdspace.protocol.SessionPlan;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Built-in protocols and their session plans")
class SessionPlanTest {
  private static final Instant FIRST = Instant.parse("2026-01-06T17:00:00Z");

  private static Protocol protocol(String id) {
    return Protocols.builtIn().get(id);
  }

  /** The phases of a plan written as one letter per session: i(nitial), m(iddle), t(ermination). */
  private static String phases(List<SessionPlan.PlannedSession> plan) {
    StringBuilder sb = new StringBuilder();
    plan.forEach(s -> sb.append(s.phase().wire().charAt(0)));
    return sb.toString();
  }

  @ParameterizedTest(name = "{0} with {1} sessions: {2}")
  @DisplayName("gives each session of every built-in protocol its phase, for every length it allows")
  @CsvSource({
      "ipt, 12, iiimmmmmmmtt",
      "ipt, 13, iiimmmmmmmmtt",
      "ipt, 14, iiimmmmmmmmmtt",
      "ipt, 15, iiimmmmmmmmmmtt",
      "ipt, 16, iiimmmmmmmmmmmtt",
      "ipt-individual, 12, iiimmmmmmmtt",
      "ipt-individual, 16, iiimmmmmmmmmmmtt",
      "dit, 16, iiiimmmmmmmmtttt",
      "who-group-ipt, 8, immmmmmt",
  })
  void phases(String id, int sessions, String expected) {
    List<SessionPlan.PlannedSession> plan = SessionPlan.of(protocol(id), sessions, FIRST);
    assertEquals(expected, phases(plan));
    for (int n = 1; n <= sessions; n++) {
      assertEquals(n, plan.get(n - 1).number());
      assertEquals(plan.get(n - 1).phase(), protocol(id).phaseOf(n, sessions));
    }
    assertEquals(expected.indexOf('t') + 1, protocol(id).split(sessions).terminationFrom());
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
  @CsvSource({"ipt, 11", "ipt, 17", "ipt-individual, 0", "dit, 12", "dit, 17", "who-group-ipt, 7",
      "who-group-ipt, 9", "who-group-ipt, 12"})
  void refusedCounts(String id, int sessions) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SessionPlan.of(protocol(id), sessions, FIRST));
    assertTrue(e.getMessage().startsWith("sessionCount: "), e.getMessage());
  }

  @ParameterizedTest(name = "{0}: {1}-{2} sessions, up to {3} members, meetings {4}, closes after {5}, measures every {6}")
  @DisplayName("knows each built-in protocol's limits, meetings, enrolment and questionnaire schedule")
  @CsvSource(nullValues = "null", value = {
      "ipt, 12, 16, 12, pre_group mid_course post_group, null, 4",
      "ipt-individual, 12, 16, 1, pre_group mid_course post_group, null, 4",
      "dit, 16, 16, 12, pre_group mid_course post_group, null, 4",
      "who-group-ipt, 8, 8, 10, pre_group, 1, 4",
  })
  void builtIns(String id, int min, int max, int members, String meetings, Integer closes, int every) {
    Protocol p = protocol(id);
    assertEquals(min, p.minSessions());
    assertEquals(max, p.maxSessions());
    assertEquals(members, p.maxMembers());
    assertEquals(List.of(meetings.split(" ")), p.individualMeetings());
    assertEquals(closes, p.enrolmentClosesAfter());
    assertEquals(every, p.measureEvery());
    assertTrue(p.builtIn());
  }

  @Test
  @DisplayName("the built-ins are ipt, ipt-individual, dit and who-group-ipt, in that order, and nothing else")
  void protocols() {
    assertEquals(List.of("ipt", "ipt-individual", "dit", "who-group-ipt"), List.copyOf(Protocols.builtIn().keySet()));
    assertNull(Protocols.builtIn().get("cbt"));
    assertNull(Protocols.builtIn().get("IPT"));
  }

  @ParameterizedTest(name = "{0} at session {1}: closed {2}")
  @DisplayName("enrolment closes once the protocol's closing session has started; ipt never closes")
  @CsvSource({"who-group-ipt, 0, false", "who-group-ipt, 1, true", "who-group-ipt, 5, true", "ipt, 0, false",
      "ipt, 9, false", "dit, 16, false"})
  void enrolmentCloses(String id, int currentSession, boolean closed) {
    assertEquals(closed, protocol(id).enrolmentClosed(currentSession));
  }
}
