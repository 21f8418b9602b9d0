package org.holdspace.grouplog;

import org.holdspace.core.Refusal;

/** Who may send a message to a group right now, decided against the group's locked state. */
public interface MessageRule {
  /** Whether {@link #refusal} needs the time of the sender's last message in the group (slow mode). */
  boolean needsLastMessageAt(MessageLog.Message message, GroupState group);

  /**
   * Why the message may not be stored, or null when it may; {@code live}: a session of the group is live.
   * {@code lastMessageAt} is the sender's last message in the group (epoch milliseconds), when
   * {@link #needsLastMessageAt} asked for it and there is one.
   */
  Refusal refusal(MessageLog.Message message, boolean live, GroupState group, Long lastMessageAt, long now);
}
