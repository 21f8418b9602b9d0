package org.holdspace.chat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What an account does over all its sockets on this node, whichever event loop serves each: how many are open
 * (at most {@code maxPerAccount}), and when it last relayed a typing hint (at most one a second).
 */
public final class AccountSockets {
  private static final long TYPING_EVERY_MS = 1000;

  private final int maxPerAccount;
  private final Map<Long, Integer> open = new ConcurrentHashMap<>();
  private final Map<Long, AtomicLong> lastTyping = new ConcurrentHashMap<>();

  public AccountSockets(int maxPerAccount) {
    this.maxPerAccount = maxPerAccount;
  }

  /** Counts a signed-in socket of the account; false (and not counted) when it already has the most allowed. */
  boolean open(long userId) {
    boolean[] admitted = {false};
    open.compute(userId, (id, n) -> {
      int count = n == null ? 0 : n;
      if (count >= maxPerAccount) {
        return n;
      }
      admitted[0] = true;
      return count + 1;
    });
    return admitted[0];
  }

  /** The socket counted by {@link #open} closed. */
  void close(long userId) {
    open.computeIfPresent(userId, (id, n) -> n <= 1 ? null : n - 1);
    if (!open.containsKey(userId)) {
      lastTyping.remove(userId);
    }
  }

  /** Whether the account may relay a typing hint now; a yes takes this second's hint. */
  boolean typing(long userId, long now) {
    AtomicLong last = lastTyping.computeIfAbsent(userId, id -> new AtomicLong(Long.MIN_VALUE / 2));
    long previous = last.get();
    return now - previous >= TYPING_EVERY_MS && last.compareAndSet(previous, now);
  }
}
