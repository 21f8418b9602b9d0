package org.holdspace.clinical;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who attended which session, folded from the group's log in seq order: an account attended session N when it was
 * in the room when N started or joined it while N was live. Pure: feed it events, then read the answer.
 */
public final class Attendance {
  private final Set<Long> present = new HashSet<>();
  private final Map<Long, Set<Integer>> attended = new HashMap<>();
  private final Set<Integer> held = new TreeSet<>();
  private Integer live;

  /** Applies one event; kinds other than join, leave, session_started and session_ended are ignored. */
  public void apply(String kind, Long userId, Integer number) {
    switch (kind) {
      case "join" -> {
        if (userId != null) {
          present.add(userId);
          if (live != null) {
            mark(userId, live);
          }
        }
      }
      case "leave" -> {
        if (userId != null) {
          present.remove(userId);
        }
      }
      case "session_started" -> {
        if (number != null) {
          live = number;
          held.add(number);
          present.forEach(id -> mark(id, number));
        }
      }
      case "session_ended" -> live = null;
      default -> {
      }
    }
  }

  private void mark(long userId, int session) {
    attended.computeIfAbsent(userId, k -> new TreeSet<>()).add(session);
  }

  /** The sessions the account attended, in order. */
  public Set<Integer> of(long userId) {
    return new TreeSet<>(attended.getOrDefault(userId, Set.of()));
  }

  /** The sessions that have started so far, in order. */
  public Set<Integer> held() {
    return new TreeSet<>(held);
  }
}
