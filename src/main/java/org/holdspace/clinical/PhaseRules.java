package org.holdspace.clinical;

import org.holdspace.protocol.Phase;

import java.util.List;

/**
 * Which moves between IPT phases a facilitator may make: forward, one phase at a time; the middle phase only once
 * every active member has a primary focus area, and termination not before the plan's first termination session,
 * unless the facilitator gives a reason to move anyway. Pure.
 */
public final class PhaseRules {
  private PhaseRules() {
  }

  /** The answer to a requested move: allowed (and whether only by override), or refused with the reason. */
  public record Decision(boolean allowed, boolean override, String reason) {
    static Decision allow(boolean override) {
      return new Decision(true, override, null);
    }

    static Decision refuse(String reason) {
      return new Decision(false, false, reason);
    }
  }

  /**
   * Where the course is when a move is asked for: the session members meet at next, where termination starts, and
   * whether the plan has reached termination ({@link org.holdspace.protocol.CoursePlan#planPhase}: from the plan's
   * first termination session, at the last session still to be held, and once the course is over).
   */
  public record Timing(int upcomingSession, int terminationFrom, boolean terminationByPlan) {
  }

  /**
   * Decides a move from {@code current} to {@code target}.
   *
   * @param withoutFocus ids of active members who have no primary focus area yet
   * @param overrideReason the facilitator's reason to move regardless, or null
   */
  public static Decision decide(Phase current, Phase target, List<Long> withoutFocus, String overrideReason,
                                Timing timing) {
    if (target == current) {
      return Decision.refuse("phase: the group is already in the " + current.wire() + " phase");
    }
    if (target.ordinal() != current.ordinal() + 1) {
      return Decision.refuse("phase: from " + current.wire() + " the next phase is "
          + (current == Phase.TERMINATION ? "none" : Phase.values()[current.ordinal() + 1].wire()));
    }
    if (target == Phase.MIDDLE && !withoutFocus.isEmpty()) {
      if (overrideReason == null || overrideReason.isBlank()) {
        return Decision.refuse("phase: members without a primary focus area: " + withoutFocus
            + "; set their focus or give overrideReason");
      }
      return Decision.allow(true);
    }
    if (target == Phase.TERMINATION && !timing.terminationByPlan()) {
      if (overrideReason == null || overrideReason.isBlank()) {
        return Decision.refuse("phase: the plan's termination starts at session " + timing.terminationFrom()
            + " and the group meets for session " + timing.upcomingSession() + " next; give overrideReason to end early");
      }
      return Decision.allow(true);
    }
    return Decision.allow(false);
  }

  /** Whether the plan has reached a phase the group has not been moved to yet. */
  public static boolean behindPlan(Phase clinical, Phase plan) {
    return plan.ordinal() > clinical.ordinal();
  }

  /** Whether the group has been moved to a phase the plan has not reached yet. */
  public static boolean aheadOfPlan(Phase clinical, Phase plan) {
    return clinical.ordinal() > plan.ordinal();
  }
}
