package org.holdspace.clinical;

import org.holdspace.protocol.Phase;
import org.holdspace.protocol.Protocol;
import org.holdspace.protocol.Protocols;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@DisplayName("Where a course stands")
class CourseTest {
  private static Course at(int current, String status) {
    Protocol ipt = Protocols.builtIn().get("ipt");
    return new Course(1, ipt, ipt.split(12), current, status, Phase.INITIAL, 4, false);
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
  @DisplayName("a session a client names must be in the plan; none means the current one")
  void checkSession() {
    Course c = at(6, "ended");
    assertEquals(6, c.checkSession(null, "session"));
    assertEquals(0, c.checkSession(0, "session"));
    assertEquals(12, c.checkSession(12, "session"));
    assertThrows(IllegalArgumentException.class, () -> c.checkSession(13, "session"));
  }
}
