package org.holdspace.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counts of one run. A message is measured when it was due inside the window; each measured message is
 * expected at every member of its room that was connected when it was sent (the sender included: every server
 * compared echoes a message to its sender). Loss is expected deliveries minus measured deliveries received by the
 * end of the drain. Latency is from the moment the message was due to its arrival at each receiver.
 *
 * <p>Each generator event loop counts into its own {@link Lane}, so that recording a send or a delivery touches
 * no memory shared with another thread; the totals are the sums over the lanes. Read the histograms only after
 * the lanes' threads have stopped recording (after {@link #close()} and a task run on each loop).
 */
public final class Tally {
  private volatile long windowStart = Long.MAX_VALUE;
  private volatile long windowEnd = Long.MAX_VALUE;
  private volatile boolean closed;

  private final List<Lane> lanes = new CopyOnWriteArrayList<>();
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final LongAdder errorsInWindow = new LongAdder();

  /** A new lane, to be recorded into by one thread only. */
  public Lane lane() {
    Lane lane = new Lane();
    lanes.add(lane);
    return lane;
  }

  /** Sets the window, in {@link System#nanoTime()} terms. */
  public void window(long startNanos, long endNanos) {
    this.windowStart = startNanos;
    this.windowEnd = endNanos;
  }

  public boolean inWindow(long dueNanos) {
    return dueNanos >= windowStart && dueNanos < windowEnd;
  }

  /** Stops counting: deliveries after the drain are not counted as received. */
  public void close() {
    closed = true;
  }

  /**
   * One thread's counts. Counters are written by their one thread with plain read-then-release-store (no atomic
   * read-modify-write, no lock) and may be read at any time from another; histograms are plain.
   */
  public final class Lane {
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong sentMeasured = new AtomicLong();
    private final AtomicLong expected = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong receivedMeasured = new AtomicLong();
    final Histogram latencyMicros = new Histogram();
    final Histogram sendLagMicros = new Histogram();
    final Histogram connectMicros = new Histogram();

    private Lane() {
    }

    /** A message written to the server, due at {@code dueNanos}, to a room with {@code audience} connected members. */
    public void sent(long dueNanos, long nowNanos, int audience) {
      if (closed) {
        return;
      }
      bump(sent, 1);
      if (inWindow(dueNanos)) {
        bump(sentMeasured, 1);
        bump(expected, audience);
        sendLagMicros.record((nowNanos - dueNanos) / 1000);
      }
    }

    /** A message that arrived at one receiver. */
    public void received(long dueNanos, long nowNanos) {
      if (closed) {
        return;
      }
      bump(received, 1);
      if (inWindow(dueNanos)) {
        bump(receivedMeasured, 1);
        latencyMicros.record((nowNanos - dueNanos) / 1000);
      }
    }

    public void connected(long micros) {
      connectMicros.record(micros);
    }

    private static void bump(AtomicLong counter, long by) {
      counter.setRelease(counter.getPlain() + by);
    }
  }

  /** An error by kind: a refusal code from the server, a failed connect, an unexpected close. Any thread. */
  public void error(String kind) {
    errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
    if (inWindow(System.nanoTime())) {
      errorsInWindow.increment();
    }
  }

  /** Errors that arrived during the measured window (the rest came in the warm-up, the set-up or the drain). */
  public long errorsInWindow() {
    return errorsInWindow.sum();
  }

  private long sum(java.util.function.Function<Lane, AtomicLong> counter) {
    long total = 0;
    for (Lane lane : lanes) {
      total += counter.apply(lane).get();
    }
    return total;
  }

  private Histogram merged(java.util.function.Function<Lane, Histogram> histogram) {
    Histogram all = new Histogram();
    for (Lane lane : lanes) {
      all.add(histogram.apply(lane));
    }
    return all;
  }

  public long sentMeasured() {
    return sum(l -> l.sentMeasured);
  }

  public long expected() {
    return sum(l -> l.expected);
  }

  public long receivedMeasured() {
    return sum(l -> l.receivedMeasured);
  }

  public long receivedAll() {
    return sum(l -> l.received);
  }

  public long sentAll() {
    return sum(l -> l.sent);
  }

  /** Expected deliveries that did not arrive; negative would mean duplicates. */
  public long loss() {
    return expected() - receivedMeasured();
  }

  /** Latency from due to arrival of the measured deliveries, over all lanes. */
  public Histogram latencyMicros() {
    return merged(l -> l.latencyMicros);
  }

  /** How far behind its schedule the generator wrote each measured message, over all lanes. */
  public Histogram sendLagMicros() {
    return merged(l -> l.sendLagMicros);
  }

  public Histogram connectMicros() {
    return merged(l -> l.connectMicros);
  }

  public Map<String, Long> errors() {
    Map<String, Long> out = new TreeMap<>();
    errors.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  public long errorCount() {
    return errors.values().stream().mapToLong(LongAdder::sum).sum();
  }
}
