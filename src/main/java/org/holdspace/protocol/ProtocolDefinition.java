package org.holdspace.protocol;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.holdspace.core.Fields;
import org.holdspace.core.Refusal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a protocol from its JSON definition and checks it: an id of lowercase letters, digits and dashes; at least one
 * session and at most {@link #MAX_SESSIONS}; the three phases once each, in order, and for every course length the
 * protocol allows each phase at least one session, each starting right after the one before, together covering
 * every session; known individual meetings; enrolment closing within the plan. Every refusal names its field.
 */
public final class ProtocolDefinition {
  public static final int MAX_SESSIONS = 52;
  /** The individual meetings a plan may have around its group sessions, in plan order. */
  public static final List<String> MEETING_KINDS = List.of("pre_group", "mid_course", "post_group");
  private static final String ID = "[a-z][a-z0-9-]{1,39}";
  private static final List<Phase> ORDER = List.of(Phase.INITIAL, Phase.MIDDLE, Phase.TERMINATION);

  private ProtocolDefinition() {
  }

  /** The protocol the body defines; a {@link Refusal} (400) naming the field when it is not sound. */
  public static Protocol fromJson(JsonObject json, boolean builtIn) {
    String id = Fields.text(json, "id", 2, 40);
    if (!id.matches(ID)) {
      throw Refusal.invalid("id: 2 to 40 lowercase letters, digits and dashes, starting with a letter");
    }
    String name = Fields.text(json, "name", 1, 120).strip();
    String description = Fields.optionalText(json, "description", 500);
    int min = Fields.integer(json, "minSessions", 1, MAX_SESSIONS);
    int max = Fields.integer(json, "maxSessions", 1, MAX_SESSIONS);
    if (max < min) {
      throw Refusal.invalid("maxSessions: must be at least minSessions (" + min + ")");
    }
    Integer maxMembers = Fields.optionalInt(json, "maxMembers", 1, 50);
    List<PhaseSpan> phases = phases(Fields.array(json, "phases", ORDER.size()), min, max);
    List<String> meetings = meetings(json);
    Integer closes = Fields.optionalInt(json, "enrolmentClosesAfter", 1, min);
    Integer every = Fields.optionalInt(json, "measureEvery", 0, 16);
    return new Protocol(id, name, description, min, max, maxMembers == null ? 12 : maxMembers, phases, meetings,
        closes, every == null ? 4 : every, builtIn);
  }

  private static List<PhaseSpan> phases(JsonArray raw, int min, int max) {
    if (raw.size() != ORDER.size()) {
      throw Refusal.invalid("phases: must list initial, middle and termination, in that order");
    }
    List<PhaseSpan> phases = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      String field = "phases[" + i + "]";
      if (!(raw.getValue(i) instanceof JsonObject p)) {
        throw Refusal.invalid(field + ": must be an object {phase, from, to}");
      }
      String phase = Fields.text(p, "phase", 1, 20);
      if (!phase.equals(ORDER.get(i).wire())) {
        throw Refusal.invalid(field + ".phase: must be " + ORDER.get(i).wire() + " (initial, middle, termination, in order)");
      }
      phases.add(new PhaseSpan(Phase.valueOf(phase.toUpperCase(Locale.ROOT)), sessionRef(p, "from", field, max),
          sessionRef(p, "to", field, max)));
    }
    for (int n = min; n <= max; n++) {
      checkCovers(phases, n);
    }
    return phases;
  }

  private static int sessionRef(JsonObject p, String key, String field, int max) {
    int n = Fields.integer(new JsonObject().put(field + "." + key, p.getValue(key)), field + "." + key, -max, max);
    if (n == 0) {
      throw Refusal.invalid(field + "." + key + ": a session number, from 1 counting from the start or from -1 "
          + "counting from the end; never 0");
    }
    return n;
  }

  /** Each phase at least one session, right after the one before, the last ending with the course. */
  private static void checkCovers(List<PhaseSpan> phases, int sessionCount) {
    int expected = 1;
    for (int i = 0; i < phases.size(); i++) {
      PhaseSpan p = phases.get(i);
      String field = "phases[" + i + "]";
      String with = " in a course of " + sessionCount + " sessions";
      if (p.firstIn(sessionCount) != expected) {
        throw Refusal.invalid(field + ".from: must be session " + expected + with
            + (i == 0 ? " (the first phase starts the course)" : " (right after the phase before)"));
      }
      if (p.lastIn(sessionCount) < p.firstIn(sessionCount)) {
        throw Refusal.invalid(field + ".to: the phase needs at least one session" + with);
      }
      expected = p.lastIn(sessionCount) + 1;
    }
    if (expected != sessionCount + 1) {
      throw Refusal.invalid("phases[2].to: must be the last session (" + sessionCount + " or -1)" + " in a course of "
          + sessionCount + " sessions");
    }
  }

  private static List<String> meetings(JsonObject json) {
    if (json.getValue("individualMeetings") == null) {
      return List.of();
    }
    JsonArray raw = Fields.array(json, "individualMeetings", MEETING_KINDS.size());
    Set<String> kinds = new LinkedHashSet<>();
    for (int i = 0; i < raw.size(); i++) {
      Object kind = raw.getValue(i);
      if (!(kind instanceof String k) || !MEETING_KINDS.contains(k)) {
        throw Refusal.invalid("individualMeetings[" + i + "]: must be one of " + String.join(", ", MEETING_KINDS));
      }
      if (!kinds.add(k)) {
        throw Refusal.invalid("individualMeetings[" + i + "]: " + k + " is listed twice");
      }
    }
    return MEETING_KINDS.stream().filter(kinds::contains).toList();
  }
}
