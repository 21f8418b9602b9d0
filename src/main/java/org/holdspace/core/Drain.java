package org.holdspace.core;

/**
 * Whether this node is being shut down, and how long it has left. Once {@link #begin} is called the node answers
 * {@code /health} with 503 (so a balancer stops sending it new sockets), refuses new sockets, says goodbye to the
 * open ones once their commands in flight are answered, and then stops its HTTP servers.
 */
public final class Drain {
  private volatile long deadlineMillis;

  /** Starts the drain, to be over by {@code deadlineMillis} (epoch ms). A second call changes nothing. */
  public synchronized void begin(long deadlineMillis) {
    if (this.deadlineMillis == 0) {
      this.deadlineMillis = deadlineMillis;
    }
  }

  public boolean draining() {
    return deadlineMillis != 0;
  }

  /** Milliseconds left until the deadline; 0 when not draining or past it. */
  public long remainingMillis() {
    long deadline = deadlineMillis;
    return deadline == 0 ? 0 : Math.max(0, deadline - System.currentTimeMillis());
  }
}
