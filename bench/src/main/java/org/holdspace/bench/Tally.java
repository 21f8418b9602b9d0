package org.holdspace.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counts of one run. A message is measured when it was due inside the window; each measured message is
 * expected at every member of its room that was connected when it was sent (the sender included: every server
 * compared echoes a message to its sender). Loss is expected deliveries minus measured deliveries received by the
 * end of the drain. Latency is from the moment the message was due to its arrival at each receiver.
 */
public final class Tally {
  private volatile long windowStart = Long.MAX_VALUE;
  private volatile long windowEnd = Long.MAX_VALUE;
  private volatile boolean closed;

  private final LongAdder sent = new LongAdder();
  private final LongAdder sentMeasured = new LongAdder();
  private final LongAdder expected = new LongAdder();
  private final LongAdder received = new LongAdder();
  private final LongAdder receivedMeasured = new LongAdder();
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  final Histogram latencyMicros = new Histogram();
  final Histogram sendLagMicros = new Histogram();
  final Histogram connectMicros = new Histogram();

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

  /** A message written to the server, due at {@code dueNanos}, to a room with {@code audience} connected members. */
  public void sent(long dueNanos, long nowNanos, int audience) {
    if (closed) {
      return;
    }
    sent.increment();
    if (inWindow(dueNanos)) {
      sentMeasured.increment();
      expected.add(audience);
      sendLagMicros.record((nowNanos - dueNanos) / 1000);
    }
  }

  /** A message that arrived at one receiver. */
  public void received(long dueNanos, long nowNanos) {
    if (closed) {
      return;
    }
    received.increment();
    if (inWindow(dueNanos)) {
      receivedMeasured.increment();
      latencyMicros.record((nowNanos - dueNanos) / 1000);
    }
  }

  public void connected(long micros) {
    connectMicros.record(micros);
  }

  /** An error by kind: a refusal code from the server, a failed connect, an unexpected close. */
  public void error(String kind) {
    errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
  }

  public long sentMeasured() {
    return sentMeasured.sum();
  }

  public long expected() {
    return expected.sum();
  }

  public long receivedMeasured() {
    return receivedMeasured.sum();
  }

  public long receivedAll() {
    return received.sum();
  }

  public long sentAll() {
    return sent.sum();
  }

  /** Expected deliveries that did not arrive; negative would mean duplicates. */
  public long loss() {
    return expected() - receivedMeasured();
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
