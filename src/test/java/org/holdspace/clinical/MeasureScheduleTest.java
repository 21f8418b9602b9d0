package org.holdspace.clinical;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.holdspace.clinical.MeasureSchedule.Status.DONE;
import static org.holdspace.clinical.MeasureSchedule.Status.DUE;
import static org.holdspace.clinical.MeasureSchedule.Status.MISSED;
import static org.holdspace.clinical.MeasureSchedule.Status.UPCOMING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@DisplayName("When questionnaires are due")
class MeasureScheduleTest {

  @Test
  @DisplayName("every 4 sessions in a 16-session course: pre-group, 4, 8, 12 and the last session")
  void everyFourOfSixteen() {
    assertEquals(List.of(0, 4, 8, 12, 16), MeasureSchedule.points(16, 4));
  }

  @Test
  @DisplayName("a cadence that does not divide the course still ends with the last session, once")
  void unevenCadence() {
    assertEquals(List.of(0, 4, 8, 12, 14), MeasureSchedule.points(14, 4));
    assertEquals(List.of(0, 5, 10, 12), MeasureSchedule.points(12, 5));
  }

  @Test
  @DisplayName("cadence 0 means only the pre-group meeting and the end")
  void noCadence() {
    assertEquals(List.of(0, 12), MeasureSchedule.points(12, 0));
    assertThrows(IllegalArgumentException.class, () -> MeasureSchedule.points(12, -1));
  }

  @Test
  @DisplayName("a point is upcoming, then due while the group is at it, then missed once the next session starts")
  void statuses() {
    assertEquals(DUE, MeasureSchedule.status(0, 0, false));
    assertEquals(MISSED, MeasureSchedule.status(0, 1, false));
    assertEquals(UPCOMING, MeasureSchedule.status(4, 3, false));
    assertEquals(DUE, MeasureSchedule.status(4, 4, false));
    assertEquals(MISSED, MeasureSchedule.status(4, 5, false));
    assertEquals(DONE, MeasureSchedule.status(4, 9, true));
    assertEquals(DUE, MeasureSchedule.status(12, 12, false));
  }
}
