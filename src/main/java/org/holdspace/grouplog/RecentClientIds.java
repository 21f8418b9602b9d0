package org.holdspace.grouplog;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The seqs of a lane's most recently stored messages by their clientId, so that a resend (a client that never saw
 * its ack) is answered without a transaction. Bounded: the oldest are forgotten first, and a resend that is no
 * longer known here is still found in the store. Not thread-safe; its lane guards it.
 */
final class RecentClientIds {
  private final Map<String, Long> seqs;

  RecentClientIds(int capacity) {
    this.seqs = new LinkedHashMap<>(capacity, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The seq of an earlier message with this one's clientId, or null. */
  Long seqOf(MessageLog.Message m) {
    return m.clientId() == null ? null : seqs.get(key(m));
  }

  /** Remembers a stored message (refused and unkeyed ones are skipped). */
  void remember(MessageBatch.Item item) {
    if (item.seq != null && item.refusal == null && item.message.clientId() != null) {
      seqs.put(key(item.message), item.seq);
    }
  }

  private static String key(MessageLog.Message m) {
    return m.groupId() + "/" + m.user().id() + "/" + m.clientId();
  }
}
