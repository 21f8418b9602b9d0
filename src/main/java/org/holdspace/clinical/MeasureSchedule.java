package org.holdspace.clinical;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * When questionnaires are due in a course: at the pre-group meeting (point 0), every {@code every} sessions, and at
 * the last session. A point with no answer is shown as a gap, never filled in. Pure: no I/O.
 */
public final class MeasureSchedule {
  /** How a point stands for one member: answered, missed (the course has moved past it), due now, or later. */
  public enum Status {
    DONE, MISSED, DUE, UPCOMING;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private MeasureSchedule() {
  }

  /** The session numbers at which a questionnaire is due, 0 being the pre-group meeting, in order. */
  public static List<Integer> points(int sessionCount, int every) {
    if (sessionCount < 1) {
      throw new IllegalArgumentException("sessionCount: must be positive");
    }
    if (every < 0) {
      throw new IllegalArgumentException("every: must not be negative");
    }
    List<Integer> points = new ArrayList<>();
    points.add(0);
    if (every > 0) {
      for (int s = every; s < sessionCount; s += every) {
        points.add(s);
      }
    }
    points.add(sessionCount);
    return points;
  }

  /**
   * The status of a point given the group's current session (0 before the first). A point is due while the group is
   * at it (a measure taken between sessions counts for the session just held) and missed once the next session
   * has started; the last point stays due after the course ends, for the post-group meeting.
   */
  public static Status status(int point, int currentSession, boolean answered) {
    if (answered) {
      return Status.DONE;
    }
    if (currentSession > point) {
      return Status.MISSED;
    }
    return currentSession == point ? Status.DUE : Status.UPCOMING;
  }
}
