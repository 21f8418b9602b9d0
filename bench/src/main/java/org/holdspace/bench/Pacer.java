package org.holdspace.bench;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The open-loop schedule of the clients of one event loop, so that one timer per loop (not one per message) drives
 * every send. Each client sends at its own due times, {@code phase + k * interval}; all clients share the interval,
 * so after a client's send it goes to the back of the queue and the queue stays in order of due time (its due
 * times never spread over more than one interval). Single-threaded: only the loop's thread uses it.
 */
final class Pacer<C extends Pacer.Paced> {
  /** A client with a due time of its next message. */
  interface Paced {
    long nextDue();

    void nextDue(long nanos);
  }

  /** Writes one message of the client, due at {@code due}; false when the client stopped (it is then dropped). */
  interface Send<C> {
    boolean send(C client, long due, long now);
  }

  private final long intervalNanos;
  private final long endNanos;
  private final long earlyNanos;
  private final List<C> added = new ArrayList<>();
  private final ArrayDeque<C> queue = new ArrayDeque<>();

  /**
   * @param intervalNanos time between two messages of a client
   * @param endNanos      no message due at or after this is sent
   * @param earlyNanos    a message this close to its due time is sent now rather than after another wait
   */
  Pacer(long intervalNanos, long endNanos, long earlyNanos) {
    this.intervalNanos = intervalNanos;
    this.endNanos = endNanos;
    this.earlyNanos = earlyNanos;
  }

  /** Adds a client whose first due time is within one interval of every other client's. */
  void add(C client) {
    added.add(client);
  }

  /** Orders the clients added so far by due time; call once, before the first {@link #run}. */
  void start() {
    added.sort(Comparator.comparingLong(Paced::nextDue));
    queue.addAll(added);
    added.clear();
  }

  /**
   * Sends, oldest first, every message due by {@code now + early} (catching up when the loop fell behind), and
   * answers the nanoseconds until the next message should be sent (0 or more), or -1 when no client will send again.
   */
  long run(long now, Send<C> send) {
    long sendBy = now + earlyNanos;
    C client;
    while ((client = queue.peekFirst()) != null) {
      long due = client.nextDue();
      if (due > sendBy) {
        return due - sendBy;
      }
      queue.pollFirst();
      if (due >= endNanos) {
        // In order of due time: every other client's next message is as late.
        queue.clear();
        return -1;
      }
      if (send.send(client, due, now)) {
        client.nextDue(due + intervalNanos);
        queue.addLast(client);
      }
    }
    return -1;
  }

  int size() {
    return queue.size();
  }
}
