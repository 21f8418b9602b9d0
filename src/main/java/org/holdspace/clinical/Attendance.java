package org.holdspace.clinical;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which sessions each member attended, which counted for them, and which sessions were held, read off the
 * per-session attendance that the session feature derives from the group's log. Pure.
 */
public final class Attendance {
  /** Where each session's attendance comes from: {@code org.holdspace.session.AttendanceService#sessions}. */
  public interface Source {
    Future<JsonArray> sessions(long groupId);
  }

  private final Map<Long, Set<Integer>> attended = new HashMap<>();
  private final Map<Long, Set<Integer>> counted = new HashMap<>();
  private final Set<Integer> held = new TreeSet<>();

  /** From the sessions a {@link Source} answers. */
  public Attendance(JsonArray sessions) {
    for (Object s : sessions) {
      JsonObject session = (JsonObject) s;
      int number = session.getInteger("number");
      held.add(number);
      for (Object a : session.getJsonArray("attendees")) {
        long id = ((JsonObject) a).getLong("userId");
        attended.computeIfAbsent(id, k -> new TreeSet<>()).add(number);
        counted.computeIfAbsent(id, k -> new TreeSet<>()).add(number);
      }
      for (Object id : session.getJsonArray("absent", new JsonArray())) {
        counted.computeIfAbsent(((Number) id).longValue(), k -> new TreeSet<>()).add(number);
      }
    }
  }

  /** The sessions the member attended, in order. */
  public Set<Integer> of(long userId) {
    return new TreeSet<>(attended.getOrDefault(userId, Set.of()));
  }

  /**
   * The sessions that count for the member, in order: those they attended, and those they were absent from while
   * enrolled and taking part; never a session held before they enrolled or after their participation ended.
   */
  public Set<Integer> heldFor(long userId) {
    return new TreeSet<>(counted.getOrDefault(userId, Set.of()));
  }

  /** The sessions that have started so far, in order. */
  public Set<Integer> held() {
    return new TreeSet<>(held);
  }
}
