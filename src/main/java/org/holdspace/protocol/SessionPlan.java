package org.holdspace.protocol;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The planned sessions of a course: weekly from the first session at the same wall-clock time in the group's time
 * zone (so a 18:00 group stays at 18:00 across a daylight saving change), each with its phase. A week where that time
 * does not exist (the hour skipped in spring) takes the time after the gap, as {@link ZonedDateTime#plusWeeks} does.
 */
public final class SessionPlan {
  private SessionPlan() {
  }

  /** One planned session. */
  public record PlannedSession(int number, Phase phase, Instant scheduledAt) {
    public JsonObject toJson() {
      return new JsonObject().put("number", number).put("phase", phase.wire()).put("scheduledAt", scheduledAt.toString());
    }
  }

  /** The plan of a group that meets in UTC. */
  public static List<PlannedSession> of(Protocol protocol, int sessionCount, Instant firstSessionAt) {
    return of(protocol, sessionCount, firstSessionAt, ZoneOffset.UTC);
  }

  /** The plan of a group that meets weekly at the first session's wall-clock time in {@code zone}. */
  public static List<PlannedSession> of(Protocol protocol, int sessionCount, Instant firstSessionAt, ZoneId zone) {
    if (!protocol.allows(sessionCount)) {
      throw new IllegalArgumentException(protocol.lengthRule());
    }
    PhaseSplit split = protocol.split(sessionCount);
    ZonedDateTime first = firstSessionAt.atZone(zone);
    List<PlannedSession> plan = new ArrayList<>(sessionCount);
    for (int n = 1; n <= sessionCount; n++) {
      plan.add(new PlannedSession(n, split.phaseOf(n), first.plusWeeks(n - 1L).toInstant()));
    }
    return plan;
  }
}
