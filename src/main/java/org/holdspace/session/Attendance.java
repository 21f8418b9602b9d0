package org.holdspace.session;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Attendance per session, derived from the group's join, leave and session events: who was there, when they
 * first came, whether they came late (after the grace period) or left before the end, and for how long. Pure.
 */
public final class Attendance {
  /** Joining later than this after the start counts as late. */
  public static final Duration GRACE = Duration.ofMinutes(5);

  /** One event of the log that matters here. */
  public record Entry(String kind, Long userId, Instant at, Integer session) {
  }

  private Attendance() {
  }

  /**
   * Per session, oldest first: {@code {number, startedAt, endedAt?, attendees:[…], absent:[userId]}}; members only.
   * {@code expected} tells whether a member was enrolled, and still taking part, when a session started: only such a
   * member who never came is absent, so a late joiner is not counted absent for the sessions before they enrolled.
   */
  public static JsonArray compute(List<Entry> entries, Set<Long> members, BiPredicate<Long, Instant> expected) {
    JsonArray sessions = compute(entries, members);
    for (Object s : sessions) {
      JsonObject session = (JsonObject) s;
      Instant started = Instant.parse(session.getString("startedAt"));
      Set<Long> came = new HashSet<>();
      session.getJsonArray("attendees").forEach(a -> came.add(((JsonObject) a).getLong("userId")));
      List<Long> absent = members.stream().filter(id -> !came.contains(id) && expected.test(id, started)).toList();
      session.put("absent", new JsonArray(new ArrayList<>(absent)));
    }
    return sessions;
  }

  /** Per session, oldest first: {@code {number, startedAt, endedAt?, attendees:[…]}}; members only. */
  public static JsonArray compute(List<Entry> entries, Set<Long> members) {
    JsonArray sessions = new JsonArray();
    Set<Long> present = new HashSet<>();
    Map<Long, Record> current = null;
    JsonObject session = null;
    for (Entry e : entries) {
      switch (e.kind()) {
        case "join" -> {
          present.add(e.userId());
          if (current != null && members.contains(e.userId())) {
            current.computeIfAbsent(e.userId(), id -> new Record(e.at())).arrive(e.at());
          }
        }
        // A member whose participation ended is gone from then on, whenever their last socket's leave is recorded.
        case "leave", "participation_ended" -> {
          present.remove(e.userId());
          if (current != null && current.containsKey(e.userId())) {
            current.get(e.userId()).depart(e.at());
          }
        }
        case "session_started" -> {
          session = new JsonObject().put("number", e.session()).put("startedAt", e.at().toString());
          current = new LinkedHashMap<>();
          for (Long id : present) {
            if (members.contains(id)) {
              current.put(id, new Record(e.at()));
            }
          }
        }
        case "session_ended" -> {
          if (current != null) {
            sessions.add(close(session, current, e.at(), present));
          }
          current = null;
          session = null;
        }
        default -> {
        }
      }
    }
    if (current != null) {
      sessions.add(close(session, current, null, present));
    }
    return sessions;
  }

  private static JsonObject close(JsonObject session, Map<Long, Record> records, Instant end, Set<Long> present) {
    Instant started = Instant.parse(session.getString("startedAt"));
    if (end != null) {
      session.put("endedAt", end.toString());
    }
    List<JsonObject> attendees = new ArrayList<>();
    records.forEach((id, r) -> {
      boolean stillThere = present.contains(id);
      Instant until = end == null ? Instant.now() : end;
      long seconds = r.secondsPresent(stillThere ? until : null);
      attendees.add(new JsonObject()
          .put("userId", id)
          .put("firstJoinedAt", r.first.toString())
          .put("late", r.first.isAfter(started.plus(GRACE)))
          .put("leftEarly", end != null && !stillThere)
          .put("minutesPresent", Math.round(seconds / 6.0) / 10.0));
    });
    return session.put("attendees", new JsonArray(attendees));
  }

  private static final class Record {
    final Instant first;
    Instant since;
    long seconds;

    Record(Instant at) {
      first = at;
      since = at;
    }

    void arrive(Instant at) {
      if (since == null) {
        since = at;
      }
    }

    void depart(Instant at) {
      if (since != null) {
        seconds += Duration.between(since, at).getSeconds();
        since = null;
      }
    }

    long secondsPresent(Instant openUntil) {
      return seconds + (since != null && openUntil != null ? Duration.between(since, openUntil).getSeconds() : 0);
    }
  }
}
