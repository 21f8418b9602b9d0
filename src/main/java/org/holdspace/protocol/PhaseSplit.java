package org.holdspace.protocol;

/**
 * A course's phases resolved for its length: sessions 1..{@code initialUntil} initial, {@code terminationFrom}..the
 * last termination, the rest middle. Kept with each group, so its plan never depends on looking a protocol up.
 */
public record PhaseSplit(int sessionCount, int initialUntil, int terminationFrom) {

  /** The phase of session {@code number} (1-based). */
  public Phase phaseOf(int number) {
    if (number <= initialUntil) {
      return Phase.INITIAL;
    }
    return number >= terminationFrom ? Phase.TERMINATION : Phase.MIDDLE;
  }

  /** The session members meet at next: the live one, else the one after the current (session 1 before any). */
  public int upcoming(int currentSession, boolean live) {
    return live ? Math.max(1, currentSession) : Math.min(sessionCount, currentSession + 1);
  }

  /** The phase the plan gives the upcoming session. */
  public Phase planPhase(int currentSession, boolean live) {
    return phaseOf(upcoming(currentSession, live));
  }
}
