package org.holdspace.grouplog;

import org.holdspace.core.Refusal;

/** Who may send a message to a group right now, decided against the group's locked snapshot. */
public interface MessageRule {
  /** Whether {@link #refusal} needs the time of the sender's last message in the group (slow mode). */
  boolean needsLastMessageAt(MessageLog.Message message, GroupSnapshot group);

  /**
   * Why the message may not be stored, or null when it may. {@code lastMessageAt} is the sender's last message in
   * the group (epoch milliseconds), when {@link #needsLastMessageAt} asked for it and there is one.
   */
  Refusal refusal(MessageLog.Message message, GroupSnapshot group, Long lastMessageAt, long now);
}
