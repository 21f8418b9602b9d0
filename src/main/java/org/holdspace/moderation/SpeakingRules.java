package org.holdspace.moderation;

import org.holdspace.core.Refusal;
import org.holdspace.grouplog.GroupState;
import org.holdspace.grouplog.MessageLog;
import org.holdspace.grouplog.MessageRule;

import java.util.Optional;

/** Who may say something in a group right now, and if not, why. Pure. */
public final class SpeakingRules implements MessageRule {

  /**
   * The refusal for a message, or empty when it may be sent. Outside a live session only facilitators talk
   * (the waiting room); removed members are forbidden; muted members get {@code muted}; in a locked group only
   * facilitators and the floor holder speak.
   */
  public static Optional<Refusal.Code> refusal(boolean facilitator, long userId, boolean live, GroupState state,
                                               long nowMillis) {
    if (facilitator) {
      return Optional.empty();
    }
    if (!live) {
      return Optional.of(Refusal.Code.NOT_LIVE);
    }
    if (state.isExcluded(userId)) {
      return Optional.of(Refusal.Code.FORBIDDEN);
    }
    if (state.isMuted(userId, nowMillis)) {
      return Optional.of(Refusal.Code.MUTED);
    }
    if (state.locked() && (state.floor() == null || state.floor() != userId)) {
      return Optional.of(Refusal.Code.LOCKED);
    }
    return Optional.empty();
  }

  @Override
  public boolean needsLastMessageAt(MessageLog.Message message, GroupState group) {
    return !message.facilitator() && group.slowModeSeconds() > 0;
  }

  @Override
  public Refusal refusal(MessageLog.Message m, boolean live, GroupState group, Long lastMessageAt, long now) {
    Optional<Refusal.Code> code = refusal(m.facilitator(), m.user().id(), live, group, now);
    if (code.isPresent()) {
      return new Refusal(code.get(), message(code.get()));
    }
    int slow = group.slowModeSeconds();
    if (needsLastMessageAt(m, group) && lastMessageAt != null && now - lastMessageAt < slow * 1000L) {
      return Refusal.rateLimited("slow mode: one message every " + slow + " seconds");
    }
    return null;
  }

  private static String message(Refusal.Code code) {
    return switch (code) {
      case NOT_LIVE -> "no session is live";
      case MUTED -> "you are muted";
      case LOCKED -> "the chat is locked; only the floor holder may speak";
      case FORBIDDEN -> "you were removed from this session";
      default -> "not allowed";
    };
  }
}
