package org.holdspace.clinical;

import io.vertx.core.json.JsonObject;
import org.holdspace.protocol.Phase;
import org.holdspace.core.Refusal;
import org.holdspace.core.Fields;

import java.util.Locale;
import java.util.Set;

/** The bodies of the group-wide clinical calls. */
public final class CourseRequests {
  private static final Set<String> PHASES = Set.of("initial", "middle", "termination");

  private CourseRequests() {
  }

  /** {@code POST /phase}: {@code {phase, overrideReason?}}. */
  public record PhaseChange(Phase phase, String overrideReason) {
    public static PhaseChange fromJson(JsonObject json) {
      Phase phase = Phase.valueOf(Fields.oneOf(json, "phase", PHASES).toUpperCase(Locale.ROOT));
      String reason = Fields.optionalText(json, "overrideReason", 1000);
      return new PhaseChange(phase, reason == null || reason.isBlank() ? null : reason.strip());
    }
  }

  /** {@code PUT /clinical}: {@code {measureEvery?, gad7?}}, at least one. */
  public record Settings(Integer measureEvery, Boolean gad7) {
    public static Settings fromJson(JsonObject json) {
      Integer every = Fields.optionalInt(json, "measureEvery", 0, 16);
      Object gad7 = json.getValue("gad7");
      if (gad7 != null && !(gad7 instanceof Boolean)) {
        throw Refusal.invalid("gad7: must be true or false");
      }
      if (every == null && gad7 == null) {
        throw Refusal.invalid("body: give measureEvery, gad7 or both");
      }
      return new Settings(every, (Boolean) gad7);
    }
  }
}
