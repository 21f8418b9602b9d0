package org.holdspace.clinical;

import org.holdspace.protocol.CoursePlan;
import org.holdspace.protocol.Phase;
import org.holdspace.protocol.Protocol;
import org.holdspace.protocol.Protocols;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

@DisplayName("Where a course stands")
class CourseTest {
  private static Course at(int current, String status, Integer... cancelled) {
    Protocol ipt = Protocols.builtIn().get("ipt");
    return new Course(1, ipt, new CoursePlan(ipt.split(12), new TreeSet<>(List.of(cancelled))), current, status,
        Phase.INITIAL, 4, false);
  }

  @Test
  @DisplayName("the plan's phase is that of the session members meet at next: 1-3 initial, 4-10 middle, 11-12 termination")
  void planPhase() {
    assertEquals(Phase.INITIAL, at(0, "planned").planPhase());
    assertEquals(Phase.INITIAL, at(3, "live").planPhase());
    assertEquals(Phase.MIDDLE, at(3, "ended").planPhase(), "after session 3 the group meets for session 4");
    assertEquals(Phase.MIDDLE, at(4, "live").planPhase());
    assertEquals(Phase.TERMINATION, at(10, "ended").planPhase());
    assertEquals(Phase.TERMINATION, at(11, "live").planPhase());
    assertEquals(Phase.TERMINATION, at(12, "ended").planPhase());
  }

  @Test
  @DisplayName("a questionnaire may be for any session up to the group's next one, never later")
  void questionnaireSession() {
    assertEquals(1, at(0, "planned").questionnaireSession(1));
    assertEquals(0, at(0, "planned").questionnaireSession(null));
    assertEquals(org.holdspace.core.Refusal.Code.INVALID, assertThrows(org.holdspace.core.Refusal.class,
        () -> at(0, "planned").questionnaireSession(12)).code());
    assertEquals(6, at(5, "live").questionnaireSession(6));
    assertThrows(org.holdspace.core.Refusal.class, () -> at(5, "live").questionnaireSession(7));
    assertEquals(12, at(12, "ended").questionnaireSession(12));
  }

  @Test
  @DisplayName("homework is due at the session members meet at next, overdue once that has passed, open before")
  void homeworkStatus() {
    Course between = at(4, "ended");
    assertEquals(5, between.upcomingSession());
    assertEquals("due", between.homeworkStatus(5, false));
    assertEquals("overdue", between.homeworkStatus(4, false));
    assertEquals("open", between.homeworkStatus(6, false));
    assertEquals("done", between.homeworkStatus(4, true));
    Course live = at(5, "live");
    assertEquals(5, live.upcomingSession());
    assertEquals("due", live.homeworkStatus(5, false));
    assertEquals(6, live.nextSession(), "work set during a session is due at the next one");
    Course over = at(12, "ended");
    assertEquals("overdue", over.homeworkStatus(12, false), "after the last session nothing is still to come");
  }

  @Test
  @DisplayName("a cancelled session is skipped: after session 3 with 4 cancelled the group meets for 5")
  void cancelledSessionSkipped() {
    Course c = at(3, "ended", 4);
    assertEquals(5, c.upcomingSession());
    assertEquals(5, c.nextSession());
    assertEquals(Phase.MIDDLE, c.planPhase());
    assertEquals(5, c.questionnaireSession(5));
    assertThrows(org.holdspace.core.Refusal.class, () -> c.questionnaireSession(6));
    assertEquals("due", c.homeworkStatus(5, false));
    assertEquals("overdue", c.homeworkStatus(4, false));
    assertEquals(5, at(3, "live", 4).nextSession(), "work set during session 3 is due at 5");
    assertFalse(c.over());
  }

  @Test
  @DisplayName("a course whose remaining sessions are all cancelled is over, and the plan is at its termination")
  void remainingCancelledEndsTheCourse() {
    Course c = at(3, "ended", 4, 5, 6, 7, 8, 9, 10, 11, 12);
    assertTrue(c.over());
    assertEquals(Phase.TERMINATION, c.planPhase());
    assertEquals(3, c.nextSession());
    assertEquals("overdue", c.homeworkStatus(4, false));
    assertThrows(org.holdspace.core.Refusal.class, () -> c.questionnaireSession(4));
    assertEquals(Phase.TERMINATION, at(9, "live", 10, 11, 12).planPhase(),
        "the last session still to be held carries the termination the cancelled ones had");
    assertEquals(Phase.MIDDLE, at(9, "live", 11).planPhase());
    assertEquals(Phase.TERMINATION, at(10, "ended", 11).planPhase(), "12 is still termination");
  }

  @Test
  @DisplayName("a session a client names must be in the plan; none means the current one")
  void checkSession() {
    Course c = at(6, "ended");
    assertEquals(6, c.checkSession(null, "session"));
    assertEquals(0, c.checkSession(0, "session"));
    assertEquals(12, c.checkSession(12, "session"));
    assertThrows(IllegalArgumentException.class, () -> c.checkSession(13, "session"));
  }
}
