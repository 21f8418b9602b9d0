package org.holdspace.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * This node's recent answers of {@link SignInStore#state}, so that a token check is not a database round trip each
 * time. An entry lives {@link #TTL_SECONDS} seconds at most. Whatever ends or changes an account's sign-ins forgets
 * its entries on every node ({@link SessionGate}); a read that was under way when that happened is not kept, so a
 * forgotten state never comes back from a read that began before the change.
 */
final class SignInCache {
  /** How long a cached state may be used: the bound on a change that another node never heard of. */
  static final long TTL_SECONDS = 5;
  private static final long TTL_NANOS = TimeUnit.SECONDS.toNanos(TTL_SECONDS);
  private static final int MAX_ENTRIES = 100_000;

  private record Entry(SignInStore.State state, long loadedAt) {
  }

  private final Map<Long, Map<String, Entry>> byAccount = new ConcurrentHashMap<>();
  private volatile long generation;
  private int size;

  /** The generation to hand back to {@link #put} when the read it starts completes. */
  long generation() {
    return generation;
  }

  SignInStore.State get(long userId, String sid) {
    Map<String, Entry> sids = byAccount.get(userId);
    Entry e = sids == null ? null : sids.get(sid);
    return e == null || System.nanoTime() - e.loadedAt() > TTL_NANOS ? null : e.state();
  }

  /** Keeps a state read from the store, unless something was forgotten since the read began. */
  synchronized void put(long userId, String sid, SignInStore.State state, long readAt) {
    if (readAt != generation) {
      return;
    }
    if (++size > MAX_ENTRIES) {
      byAccount.clear();
      size = 1;
    }
    byAccount.computeIfAbsent(userId, id -> new ConcurrentHashMap<>()).put(sid, new Entry(state, System.nanoTime()));
  }

  synchronized void forget(long userId) {
    generation++;
    byAccount.remove(userId);
  }
}
