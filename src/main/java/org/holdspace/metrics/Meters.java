package org.holdspace.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * Holdspace's own meters on this node. They count and time only: no label carries a group, an account or any text.
 */
public final class Meters {
  private final MeterRegistry registry;
  private final AtomicInteger connections = new AtomicInteger();
  private final Counter published;
  private final Timer delivery;

  public Meters(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("holdspace.websocket.connections", connections, AtomicInteger::get)
        .description("Open /ws connections on this node")
        .register(registry);
    this.published = Counter.builder("holdspace.events.published")
        .description("Group events this node stored and published; its rate is events per second")
        .register(registry);
    this.delivery = Timer.builder("holdspace.event.delivery")
        .description("From an event's storage to its write to a socket on this node, for events after the join")
        .serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5))
        .register(registry);
  }

  /** Reports the cluster's size as seen by this node. */
  public void clusterMembers(IntSupplier members) {
    Gauge.builder("holdspace.cluster.members", members::getAsInt)
        .description("Nodes in the cluster as this node sees it (1 on its own, 0 when it lost the cluster)")
        .register(registry);
  }

  public void connectionOpened() {
    connections.incrementAndGet();
  }

  public void connectionClosed() {
    connections.decrementAndGet();
  }

  public void published(int events) {
    published.increment(events);
  }

  /** An event written to a socket now; {@code storedAtMillis} is its storage time (0: unknown, not measured). */
  public void delivered(long storedAtMillis) {
    if (storedAtMillis > 0) {
      delivery.record(Math.max(0, System.currentTimeMillis() - storedAtMillis), TimeUnit.MILLISECONDS);
    }
  }

  public MeterRegistry registry() {
    return registry;
  }
}
