package org.holdspace.moderation;

import java.util.Optional;

/** Who may say something in a group right now, and if not, the contract's error code. Pure. */
public final class SpeakingRules {
  private SpeakingRules() {
  }

  /**
   * The refusal for a message, or empty when it may be sent. Outside a live session only facilitators talk
   * (the waiting room); removed members are forbidden; muted members get {@code muted}; in a locked group only
   * facilitators and the floor holder speak.
   */
  public static Optional<String> refusal(boolean facilitator, long userId, boolean live, GroupState state,
                                         long nowMillis) {
    if (facilitator) {
      return Optional.empty();
    }
    if (!live) {
      return Optional.of("not_live");
    }
    if (state.isRemoved(userId)) {
      return Optional.of("forbidden");
    }
    if (state.isMuted(userId, nowMillis)) {
      return Optional.of("muted");
    }
    if (state.locked() && (state.floor() == null || state.floor() != userId)) {
      return Optional.of("locked");
    }
    return Optional.empty();
  }
}
