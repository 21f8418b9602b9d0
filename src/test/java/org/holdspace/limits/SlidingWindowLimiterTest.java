package org.holdspace.limits;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The sliding-window limiter")
class SlidingWindowLimiterTest {
  private final AtomicLong now = new AtomicLong(1_000_000);
  private final SlidingWindowLimiter limiter = new SlidingWindowLimiter(3, 10_000, now::get);

  /** Whether the key is at its limit, asked without leaving an event behind. */
  private boolean limited(String key) {
    if (limiter.tryAcquire(key)) {
      limiter.release(key);
      return false;
    }
    return true;
  }

  @Test
  @DisplayName("limits a key once it has the allowed number of events in the window")
  void limitsAtTheLimit() {
    assertFalse(limited("a"));
    limiter.tryAcquire("a");
    limiter.tryAcquire("a");
    assertFalse(limited("a"));
    limiter.tryAcquire("a");
    assertTrue(limited("a"));
  }

  @Test
  @DisplayName("counts each key on its own")
  void keysAreIndependent() {
    for (int i = 0; i < 3; i++) {
      limiter.tryAcquire("a");
    }
    assertTrue(limited("a"));
    assertFalse(limited("b"));
  }

  @Test
  @DisplayName("frees a key as its oldest events leave the window, one by one")
  void windowSlides() {
    limiter.tryAcquire("a");
    now.addAndGet(4_000);
    limiter.tryAcquire("a");
    limiter.tryAcquire("a");
    assertTrue(limited("a"));
    now.addAndGet(5_999);
    assertTrue(limited("a"), "the first event is still inside the window");
    now.addAndGet(1);
    assertFalse(limited("a"), "the first event has left the window");
    limiter.tryAcquire("a");
    assertTrue(limited("a"));
  }

  @Test
  @DisplayName("tryAcquire admits events up to the limit and records only the admitted ones")
  void tryAcquire() {
    assertTrue(limiter.tryAcquire("a"));
    assertTrue(limiter.tryAcquire("a"));
    assertTrue(limiter.tryAcquire("a"));
    assertFalse(limiter.tryAcquire("a"));
    now.addAndGet(10_000);
    assertTrue(limiter.tryAcquire("a"), "refused attempts did not extend the window");
  }

  @Test
  @DisplayName("release gives back an admitted event, so it no longer counts")
  void release() {
    assertTrue(limiter.tryAcquire("a"));
    assertTrue(limiter.tryAcquire("a"));
    assertTrue(limiter.tryAcquire("a"));
    limiter.release("a");
    assertFalse(limited("a"));
    assertTrue(limiter.tryAcquire("a"));
    assertFalse(limiter.tryAcquire("a"));
    limiter.release("unknown");
    assertFalse(limited("unknown"));
  }

  @Test
  @DisplayName("sweep drops keys whose events have all expired, and keeps the others counting")
  void sweep() {
    for (int i = 0; i < 3; i++) {
      limiter.tryAcquire("old");
    }
    now.addAndGet(10_000);
    for (int i = 0; i < 3; i++) {
      limiter.tryAcquire("new");
    }
    limiter.sweep();
    assertFalse(limited("old"));
    assertTrue(limited("new"));
  }
}
