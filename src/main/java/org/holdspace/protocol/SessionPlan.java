package org.holdspace.protocol;

import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The planned sessions of a course: weekly from the first session, each with its phase. */
public final class SessionPlan {
  private SessionPlan() {
  }

  /** One planned session. */
  public record PlannedSession(int number, Phase phase, Instant scheduledAt) {
    public JsonObject toJson() {
      return new JsonObject().put("number", number).put("phase", phase.wire()).put("scheduledAt", scheduledAt.toString());
    }
  }

  public static List<PlannedSession> of(Protocol protocol, int sessionCount, Instant firstSessionAt) {
    if (!protocol.allows(sessionCount)) {
      throw new IllegalArgumentException(protocol.lengthRule());
    }
    PhaseSplit split = protocol.split(sessionCount);
    List<PlannedSession> plan = new ArrayList<>(sessionCount);
    for (int n = 1; n <= sessionCount; n++) {
      plan.add(new PlannedSession(n, split.phaseOf(n), firstSessionAt.plus(Duration.ofDays(7L * (n - 1)))));
    }
    return plan;
  }
}
