package org.holdspace.protocol;

import io.vertx.sqlclient.Row;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A group's plan as it stands: its phase split and the sessions cancelled since it was made. A cancelled session keeps
 * its number and its phase but is never held, so every question of where a course stands (the session the group meets
 * next, whether the course is over, the plan's phase) is answered here, from the same two facts, for the group, its
 * course, the dashboard and the session events alike. The last session still to be held carries the plan's
 * termination even when the termination sessions after it were cancelled: the manuals end every course with
 * termination work, so cancelling moves the ending earlier and never skips it. Pure.
 */
public record CoursePlan(PhaseSplit split, SortedSet<Integer> cancelled) {

  public CoursePlan {
    cancelled = Collections.unmodifiableSortedSet(new TreeSet<>(cancelled));
  }

  /** A plan with nothing cancelled. */
  public static CoursePlan asPlanned(PhaseSplit split) {
    return new CoursePlan(split, new TreeSet<>());
  }

  /**
   * The select-list column {@link #read} takes the cancelled sessions from, for a query over {@code groups} named
   * {@code table} (its alias, or {@code groups}).
   */
  public static String cancelledColumn(String table) {
    return "(SELECT coalesce(array_agg(c.number ORDER BY c.number), '{}') FROM group_sessions c WHERE c.group_id = "
        + table + ".id AND c.cancelled_at IS NOT NULL) AS cancelled_sessions";
  }

  /** The plan of a row with {@code session_count}, {@code initial_until}, {@code termination_from} and that column. */
  public static CoursePlan read(Row r) {
    TreeSet<Integer> cancelled = new TreeSet<>();
    Integer[] numbers = r.getArrayOfIntegers("cancelled_sessions");
    if (numbers != null) {
      Collections.addAll(cancelled, numbers);
    }
    return new CoursePlan(new PhaseSplit(r.getInteger("session_count"), r.getInteger("initial_until"),
        r.getInteger("termination_from")), cancelled);
  }

  public int sessionCount() {
    return split.sessionCount();
  }

  public int terminationFrom() {
    return split.terminationFrom();
  }

  /** The first session after {@code number} that is not cancelled; null when none is left. */
  public Integer nextAfter(int number) {
    for (int n = number + 1; n <= split.sessionCount(); n++) {
      if (!cancelled.contains(n)) {
        return n;
      }
    }
    return null;
  }

  /** Whether the course is over: no session is live and every one after the last held is cancelled, or none is left. */
  public boolean over(int currentSession, boolean live) {
    return !live && nextAfter(currentSession) == null;
  }

  /**
   * The session members meet at next: the live one, else the next not cancelled; once the course is over, the last
   * one held.
   */
  public int upcoming(int currentSession, boolean live) {
    return live ? Math.max(1, currentSession) : next(currentSession);
  }

  /** The session after the current (or last held) one that is not cancelled; the current one once none is left. */
  public int next(int currentSession) {
    Integer next = nextAfter(currentSession);
    return next == null ? currentSession : next;
  }

  /**
   * The phase the plan gives the upcoming session; termination for the last session still to be held, and once the
   * course is over.
   */
  public Phase planPhase(int currentSession, boolean live) {
    int upcoming = upcoming(currentSession, live);
    return nextAfter(upcoming) == null ? Phase.TERMINATION : split.phaseOf(upcoming);
  }
}
