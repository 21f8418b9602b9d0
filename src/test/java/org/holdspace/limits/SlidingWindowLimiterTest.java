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

  @Test
  @DisplayName("limits a key once it has the allowed number of events in the window")
  void limitsAtTheLimit() {
    assertFalse(limiter.isLimited("a"));
    limiter.record("a");
    limiter.record("a");
    assertFalse(limiter.isLimited("a"));
    limiter.record("a");
    assertTrue(limiter.isLimited("a"));
  }

  @Test
  @DisplayName("counts each key on its own")
  void keysAreIndependent() {
    for (int i = 0; i < 3; i++) {
      limiter.record("a");
    }
    assertTrue(limiter.isLimited("a"));
    assertFalse(limiter.isLimited("b"));
  }

  @Test
  @DisplayName("frees a key as its oldest events leave the window, one by one")
  void windowSlides() {
    limiter.record("a");
    now.addAndGet(4_000);
    limiter.record("a");
    limiter.record("a");
    assertTrue(limiter.isLimited("a"));
    now.addAndGet(5_999);
    assertTrue(limiter.isLimited("a"), "the first event is still inside the window");
    now.addAndGet(1);
    assertFalse(limiter.isLimited("a"), "the first event has left the window");
    limiter.record("a");
    assertTrue(limiter.isLimited("a"));
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
    assertFalse(limiter.isLimited("a"));
    assertTrue(limiter.tryAcquire("a"));
    assertFalse(limiter.tryAcquire("a"));
    limiter.release("unknown");
    assertFalse(limiter.isLimited("unknown"));
  }

  @Test
  @DisplayName("forget clears a key at once")
  void forget() {
    for (int i = 0; i < 3; i++) {
      limiter.record("a");
    }
    limiter.forget("a");
    assertFalse(limiter.isLimited("a"));
  }

  @Test
  @DisplayName("sweep drops keys whose events have all expired, and keeps the others counting")
  void sweep() {
    for (int i = 0; i < 3; i++) {
      limiter.record("old");
    }
    now.addAndGet(10_000);
    for (int i = 0; i < 3; i++) {
      limiter.record("new");
    }
    limiter.sweep();
    assertFalse(limiter.isLimited("old"));
    assertTrue(limiter.isLimited("new"));
  }
}
