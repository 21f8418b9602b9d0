package org.holdspace.schedule;

import org.holdspace.core.Refusal;
import org.holdspace.group.GroupStore.StoredSession;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What moving or cancelling one session not yet held makes of it. Numbers never change: a cancelled session keeps its
 * number and phase and is skipped when the group starts its next session; a moved one must stay between the sessions
 * before and after it that are not cancelled, so the plan's numbers and its times keep one order.
 */
final class PlanOrder {
  private PlanOrder() {
  }

  /** The session after the change; {@code at} and {@code cancelled} are null when not asked for. */
  static StoredSession apply(List<StoredSession> plan, StoredSession session, Instant at, Boolean cancelled) {
    Instant when = at == null ? session.scheduledAt() : at;
    boolean off = cancelled == null ? session.cancelled() : cancelled;
    Instant original = session.movedFrom() == null ? session.scheduledAt() : session.movedFrom();
    Instant movedFrom = when.equals(original) ? null : original;
    if (!off) {
      checkOrder(plan, session.number(), when);
    }
    return new StoredSession(session.number(), session.phase(), when, null, null, off, movedFrom);
  }

  private static void checkOrder(List<StoredSession> plan, int number, Instant at) {
    StoredSession before = null;
    StoredSession after = null;
    for (StoredSession s : plan) {
      if (s.cancelled() || s.number() == number) {
        continue;
      }
      if (s.number() < number) {
        before = s;
      } else if (after == null) {
        after = s;
      }
    }
    boolean tooEarly = before != null && !at.isAfter(before.scheduledAt());
    boolean tooLate = after != null && !at.isBefore(after.scheduledAt());
    if (tooEarly || tooLate) {
      throw Refusal.conflict("scheduledAt: session " + number + " must stay "
          + (before == null ? "" : "after session " + before.number() + " (" + before.scheduledAt() + ")")
          + (before != null && after != null ? " and " : "")
          + (after == null ? "" : "before session " + after.number() + " (" + after.scheduledAt() + ")")
          + ", so the sessions keep their order");
    }
  }

  /** The session numbered {@code number}, or null. */
  static StoredSession find(List<StoredSession> plan, int number) {
    return plan.stream().filter(s -> s.number() == number).findFirst().orElse(null);
  }

  static boolean changed(StoredSession before, StoredSession after) {
    return !before.scheduledAt().equals(after.scheduledAt()) || before.cancelled() != after.cancelled()
        || !Objects.equals(before.movedFrom(), after.movedFrom());
  }
}
