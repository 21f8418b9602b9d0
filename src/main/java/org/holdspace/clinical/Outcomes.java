package org.holdspace.clinical;

import java.util.List;

/**
 * Outcome flags by the NHS Talking Therapies definitions, from a member's first (baseline) and last (latest) PHQ-9
 * and GAD-7 totals. Pure: no I/O. A flag whose data is missing is null, never guessed: reliable improvement,
 * reliable deterioration, recovery and reliable recovery need PHQ-9 and GAD-7 at both points; response and remission
 * need PHQ-9 at both. A latest score needs a second questionnaire: with one there is only a baseline.
 */
public final class Outcomes {
  /** Caseness: PHQ-9 at or above 10, or GAD-7 at or above 8. */
  public static final int PHQ9_CASENESS = 10;
  public static final int GAD7_CASENESS = 8;
  /** Reliable change: at least 6 points on PHQ-9, 4 on GAD-7. */
  public static final int PHQ9_RELIABLE_CHANGE = 6;
  public static final int GAD7_RELIABLE_CHANGE = 4;
  /** Remission: PHQ-9 latest below 5. */
  public static final int PHQ9_REMISSION_BELOW = 5;

  private Outcomes() {
  }

  /** One questionnaire's first and last totals; {@code latest} is null until there is a second questionnaire. */
  public record Pair(Integer baseline, Integer latest) {
    public static final Pair NONE = new Pair(null, null);

    /** The totals oldest first. */
    public static Pair of(List<Integer> totals) {
      if (totals.isEmpty()) {
        return NONE;
      }
      return new Pair(totals.get(0), totals.size() < 2 ? null : totals.get(totals.size() - 1));
    }

    /** Latest minus baseline, or null without both. */
    public Integer change() {
      return complete() ? latest - baseline : null;
    }

    boolean complete() {
      return baseline != null && latest != null;
    }
  }

  /** The contract's flags. */
  public record Flags(Pair phq9, Pair gad7, Boolean casenessBaseline, Boolean casenessLatest,
                      Boolean reliableImprovement, Boolean reliableDeterioration, Boolean recovery,
                      Boolean reliableRecovery, Boolean response, Boolean remission) {
  }

  /** The flags of a member's PHQ-9 and GAD-7 totals. */
  public static Flags of(Pair phq9, Pair gad7) {
    Boolean casenessBaseline = caseness(phq9.baseline(), gad7.baseline());
    Boolean casenessLatest = caseness(phq9.latest(), gad7.latest());
    Boolean improvement = null;
    Boolean deterioration = null;
    Boolean recovery = null;
    Boolean reliableRecovery = null;
    if (phq9.complete() && gad7.complete()) {
      boolean drop = phq9.change() <= -PHQ9_RELIABLE_CHANGE || gad7.change() <= -GAD7_RELIABLE_CHANGE;
      boolean rise = phq9.change() >= PHQ9_RELIABLE_CHANGE || gad7.change() >= GAD7_RELIABLE_CHANGE;
      improvement = drop && !rise;
      deterioration = rise && !drop;
      recovery = casenessBaseline && !casenessLatest;
      reliableRecovery = recovery && improvement;
    }
    Boolean response = null;
    Boolean remission = null;
    if (phq9.complete()) {
      // Half of nothing is nothing: a baseline of 0 has no symptoms to halve, so it is no response.
      response = phq9.baseline() > 0 && 2 * phq9.latest() <= phq9.baseline();
      remission = phq9.latest() < PHQ9_REMISSION_BELOW;
    }
    return new Flags(phq9, gad7, casenessBaseline, casenessLatest, improvement, deterioration, recovery,
        reliableRecovery, response, remission);
  }

  /**
   * Caseness at one point: true when either score is at or above its cut-off, false when both are known and below,
   * null when one is missing and the other below.
   */
  static Boolean caseness(Integer phq9, Integer gad7) {
    if ((phq9 != null && phq9 >= PHQ9_CASENESS) || (gad7 != null && gad7 >= GAD7_CASENESS)) {
      return true;
    }
    return phq9 != null && gad7 != null ? Boolean.FALSE : null;
  }
}
