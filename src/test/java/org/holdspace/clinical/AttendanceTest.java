package org.holdspace.clinical;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Attendance folded from the group log")
class AttendanceTest {

  @Test
  @DisplayName("being in the room when a session starts, or joining while it is live, counts; joining between sessions does not")
  void presenceAtStartOrDuring() {
    Attendance a = new Attendance();
    a.apply("join", 1L, null);
    a.apply("session_started", null, 1);
    a.apply("join", 2L, null);
    a.apply("message", 2L, null);
    a.apply("session_ended", null, 1);
    a.apply("leave", 1L, null);
    a.apply("leave", 2L, null);
    a.apply("join", 3L, null);
    a.apply("leave", 3L, null);
    a.apply("session_started", null, 2);
    a.apply("session_ended", null, 2);
    assertEquals(Set.of(1), a.of(1));
    assertEquals(Set.of(1), a.of(2));
    assertEquals(Set.of(), a.of(3));
    assertEquals(Set.of(1, 2), a.held());
  }

  @Test
  @DisplayName("someone who stays in the room across sessions attends each of them")
  void stayingAcrossSessions() {
    Attendance a = new Attendance();
    a.apply("join", 7L, null);
    for (int n = 1; n <= 3; n++) {
      a.apply("session_started", null, n);
      a.apply("session_ended", null, n);
    }
    assertEquals(Set.of(1, 2, 3), a.of(7));
  }
}
