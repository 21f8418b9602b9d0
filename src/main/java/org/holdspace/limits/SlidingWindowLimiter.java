package org.holdspace.limits;

import io.vertx.core.Future;
import org.holdspace.core.Job;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** Counts events per key within a sliding time window; used for login failures and chat message rates. */
public final class SlidingWindowLimiter {
  private final int limit;
  private final long windowMillis;
  private final LongSupplier clock;
  private final Map<String, Deque<Long>> events = new ConcurrentHashMap<>();

  public SlidingWindowLimiter(int limit, long windowMillis, LongSupplier clock) {
    this.limit = limit;
    this.windowMillis = windowMillis;
    this.clock = clock;
  }

  public SlidingWindowLimiter(int limit, long windowMillis) {
    this(limit, windowMillis, System::currentTimeMillis);
  }

  /** Records one event if the key is under the limit; answers whether it was allowed. */
  public boolean tryAcquire(String key) {
    long now = clock.getAsLong();
    Deque<Long> times = events.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (times) {
      prune(times, now);
      if (times.size() >= limit) {
        return false;
      }
      times.addLast(now);
      return true;
    }
  }

  /** Gives back the newest event of the key, as when an admitted attempt turns out not to count. */
  public void release(String key) {
    Deque<Long> times = events.get(key);
    if (times == null) {
      return;
    }
    synchronized (times) {
      times.pollLast();
    }
  }

  /** A job that sweeps the limiter once a window (at least once a minute). */
  public Job sweeper(String name) {
    long every = Math.max(windowMillis, 60_000);
    return Job.every(name, every, () -> {
      sweep();
      return Future.succeededFuture();
    });
  }

  /** Drops keys with no event inside the window, so the map does not grow without bound. */
  public void sweep() {
    long now = clock.getAsLong();
    for (Iterator<Map.Entry<String, Deque<Long>>> it = events.entrySet().iterator(); it.hasNext(); ) {
      Deque<Long> times = it.next().getValue();
      synchronized (times) {
        prune(times, now);
        if (times.isEmpty()) {
          it.remove();
        }
      }
    }
  }

  private void prune(Deque<Long> times, long now) {
    while (!times.isEmpty() && times.peekFirst() <= now - windowMillis) {
      times.pollFirst();
    }
  }
}
