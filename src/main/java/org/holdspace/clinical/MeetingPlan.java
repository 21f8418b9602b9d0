package org.holdspace.clinical;

import org.holdspace.protocol.ProtocolDefinition;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The individual meetings a protocol may plan around its group sessions, and when they fall by default: a week before the first session
 * (pre-group: assessment, inventory, first PHQ-9), in the week of the middle session (mid-course review), and a
 * week after the last (post-group: final review). Pure.
 */
public final class MeetingPlan {
  public static final List<String> KINDS = ProtocolDefinition.MEETING_KINDS;
  private static final Duration WEEK = Duration.ofDays(7);

  private MeetingPlan() {
  }

  /** The default time of each meeting, in plan order, from the planned times of sessions 1..N. */
  public static Map<String, Instant> defaults(List<Instant> sessions) {
    if (sessions.isEmpty()) {
      throw new IllegalArgumentException("sessions: a plan has at least one session");
    }
    Map<String, Instant> times = new LinkedHashMap<>();
    times.put("pre_group", sessions.get(0).minus(WEEK));
    times.put("mid_course", sessions.get((sessions.size() + 1) / 2 - 1));
    times.put("post_group", sessions.get(sessions.size() - 1).plus(WEEK));
    return times;
  }
}
