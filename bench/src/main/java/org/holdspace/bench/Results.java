package org.holdspace.bench;

import io.vertx.core.json.JsonObject;

/** Turns the counts and readings of one run into its JSON record (times in ms, rates per second). */
final class Results {
  private Results() {
  }

  static JsonObject of(RunSpec spec, Tally tally, LoadRun.Snapshot before, LoadRun.Snapshot after,
                       double connectSeconds, double drainedSeconds, long peakMemoryKb, long mainPeakRssKb,
                       Options options) {
    double window = (after.at() - before.at()) / 1e9;
    double serverCpu = (after.serverTicks() - before.serverTicks()) / Proc.HZ;
    double selfCpu = (after.selfTicks() - before.selfTicks()) / Proc.HZ;
    double busy = (after.machine()[0] - before.machine()[0]) / Proc.HZ;
    double steal = (after.machine()[1] - before.machine()[1]) / Proc.HZ;
    double other = Math.max(0, busy - serverCpu - selfCpu);
    long expected = tally.expected();
    Histogram sendLag = tally.sendLagMicros();
    JsonObject r = new JsonObject()
        .put("server", spec.server().id)
        .put("clients", spec.clients())
        .put("roomSize", spec.roomSize())
        .put("rooms", spec.rooms())
        .put("rate", spec.rate())
        .put("warmupSeconds", spec.warmupSeconds())
        .put("windowSeconds", LoadRun.round(window, 2))
        .put("payloadChars", spec.payloadChars())
        .put("connected", tally.connectMicros().count())
        .put("connectSeconds", LoadRun.round(connectSeconds, 2))
        .put("connectMs", latency(tally.connectMicros()))
        .put("offeredPerSecond", LoadRun.round(spec.offered(), 1))
        .put("sentPerSecond", LoadRun.round(tally.sentMeasured() / (double) spec.windowSeconds(), 1))
        .put("expectedDeliveries", expected)
        .put("receivedDeliveries", tally.receivedMeasured())
        .put("loss", tally.loss())
        .put("lossPercent", expected == 0 ? 0 : LoadRun.round(100.0 * tally.loss() / expected, 3))
        .put("deliveredPerSecond", LoadRun.round(tally.receivedMeasured() / (double) spec.windowSeconds(), 1))
        .put("drainSeconds", LoadRun.round(drainedSeconds, 2))
        .put("latencyMs", latency(tally.latencyMicros()))
        .put("sendLagMs", latency(sendLag))
        // The generator itself fell behind its schedule: latency then includes its own delay.
        .put("generatorBehind", sendLag.percentile(0.99) > 100_000)
        .put("serverCpuSeconds", LoadRun.round(serverCpu, 2))
        .put("serverCores", LoadRun.round(serverCpu / window, 3))
        .put("serverMainProcessCores", LoadRun.round((after.mainTicks() - before.mainTicks()) / Proc.HZ / window, 3))
        .put("serverPeakMemoryMb", LoadRun.round(peakMemoryKb / 1024.0, 1))
        .put("serverMainPeakRssMb", LoadRun.round(mainPeakRssKb / 1024.0, 1))
        .put("generatorCores", LoadRun.round(selfCpu / window, 3))
        .put("otherCores", LoadRun.round(other / window, 3))
        .put("stealCores", LoadRun.round(steal / window, 3))
        .put("contended", other / window > options.contentionCores || steal / window > options.contentionCores)
        .put("errors", new JsonObject(new java.util.LinkedHashMap<>(tally.errors())))
        .put("errorCount", tally.errorCount())
        .put("errorsInWindow", tally.errorsInWindow());
    if (spec.server().isHoldspace()) {
      r.put("holdspacePasswordHashIterations", options.hashIterations);
      spec.holdspaceMessagesPerWindow().ifPresent(n -> r.put("holdspaceMessagesPerWindow", n));
    }
    return r;
  }

  static JsonObject latency(Histogram h) {
    return new JsonObject()
        .put("count", h.count())
        .put("p50", ms(h.percentile(0.50)))
        .put("p90", ms(h.percentile(0.90)))
        .put("p99", ms(h.percentile(0.99)))
        .put("p999", ms(h.percentile(0.999)))
        .put("max", ms(h.max()))
        .put("mean", LoadRun.round(h.mean() / 1000.0, 3));
  }

  private static double ms(long micros) {
    return LoadRun.round(micros / 1000.0, 3);
  }
}
