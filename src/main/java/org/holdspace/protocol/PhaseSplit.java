package org.holdspace.protocol;

/**
 * A course's phases resolved for its length: sessions 1..{@code initialUntil} initial, {@code terminationFrom}..the
 * last termination, the rest middle. Kept with each group, so its plan never depends on looking a protocol up; where
 * a course stands in it is {@link CoursePlan}'s.
 */
public record PhaseSplit(int sessionCount, int initialUntil, int terminationFrom) {

  /** The phase of session {@code number} (1-based). */
  public Phase phaseOf(int number) {
    if (number <= initialUntil) {
      return Phase.INITIAL;
    }
    return number >= terminationFrom ? Phase.TERMINATION : Phase.MIDDLE;
  }
}
