package org.holdspace.alert;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How quickly alerts are followed up: time to acknowledge and to resolve (histograms over the node's actions), and
 * the open alerts of the whole deployment (a gauge every node reports alike, refreshed by the escalation job). No
 * label names a group or a member.
 */
final class AlertMeters {
  private static final Duration[] BUCKETS = {Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
      Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(30),
      Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(24), Duration.ofDays(7)};

  private final Timer toAcknowledge;
  private final Timer toResolve;
  private final AtomicLong open = new AtomicLong();

  AlertMeters(MeterRegistry registry) {
    this.toAcknowledge = Timer.builder("holdspace.alert.time.to.acknowledge")
        .description("From an alert being raised to a facilitator acknowledging it")
        .serviceLevelObjectives(BUCKETS).register(registry);
    this.toResolve = Timer.builder("holdspace.alert.time.to.resolve")
        .description("From an alert being raised to its resolution")
        .serviceLevelObjectives(BUCKETS).register(registry);
    Gauge.builder("holdspace.alerts.open", open, AtomicLong::get)
        .description("Alerts raised and not yet acknowledged, over the whole deployment")
        .register(registry);
  }

  void acknowledged(Duration after) {
    toAcknowledge.record(after.isNegative() ? Duration.ZERO : after);
  }

  void resolved(Duration after) {
    toResolve.record(after.isNegative() ? Duration.ZERO : after);
  }

  void open(long count) {
    open.set(count);
  }
}
