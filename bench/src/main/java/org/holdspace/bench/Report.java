package org.holdspace.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Locale;

/** The Markdown side of the results: what ran on what, one table of runs, one of ratios, and how to read them. */
final class Report {
  private Report() {
  }

  static String markdown(JsonObject report, String svgName) {
    StringBuilder md = new StringBuilder();
    JsonObject m = report.getJsonObject("machine");
    JsonObject s = report.getJsonObject("settings");
    md.append("# Holdspace benchmark, ").append(report.getString("date")).append("\n\n");
    md.append(String.format(Locale.ROOT, "Machine: %d cores (%s), %d GB; Linux %s; %s; Node %s; Prosody %s. "
            + "The generator ran on the same machine as each server, over loopback%s.%n%n",
        m.getInteger("cores"), m.getString("cpu"), m.getLong("memoryGb"), m.getString("kernel"), m.getString("java"),
        m.getString("node"), m.getString("prosody"), s.getBoolean("oneCoreEach", false)
            ? "; one core each: the server and its database pinned to core 0, the generator to core 1" : ""));
    md.append(String.format(Locale.ROOT, "Load: clients %s in rooms of %d, each sending %s messages/s (open loop, "
            + "random phase), %d-character texts; %d s warm-up, %d s measured window, up to %d s drain. "
            + "Servers' order rotated from one load point to the next; each run on a freshly started server.%n%n",
        s.getJsonArray("clients").encode(), s.getInteger("roomSize"), s.getJsonArray("rates").encode(),
        s.getInteger("payloadChars"), s.getInteger("warmupSeconds"), s.getInteger("windowSeconds"),
        s.getInteger("drainSeconds")));
    for (Object note : report.getJsonArray("notes")) {
      md.append("- ").append(note).append('\n');
    }
    md.append(holdspaceNotes(report.getJsonArray("runs")));
    md.append(storageSync(m.getJsonObject("storageSync")));
    md.append("\n## Runs\n\n");
    md.append("| clients | msg/s per client | offered msg/s | server | delivered/s | loss | p50 ms | p90 ms | p99 ms "
        + "| p99.9 ms | connect p99 ms | server CPU (cores) | server memory MB | idle KB per connection "
        + "| errors (in window) | CPU shared by others |\n");
    md.append("|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (Object o : report.getJsonArray("runs")) {
      JsonObject r = (JsonObject) o;
      if (r.containsKey("failed")) {
        md.append(String.format(Locale.ROOT, "| %d | %s | | %s | failed: %s | | | | | | | | | | | |%n",
            r.getInteger("clients"), num(r.getDouble("rate")), r.getString("server"), r.getString("failed")));
        continue;
      }
      JsonObject l = r.getJsonObject("latencyMs");
      md.append(String.format(Locale.ROOT,
          "| %d | %s | %s | %s | %s | %d (%s%%) | %s | %s | %s | %s | %s | %s | %s | %s | %d (%d) | %s |%n",
          r.getInteger("clients"), num(r.getDouble("rate")), num(r.getDouble("offeredPerSecond")),
          r.getString("server"), num(r.getDouble("deliveredPerSecond")), r.getLong("loss"),
          num(r.getDouble("lossPercent")), num(l.getDouble("p50")), num(l.getDouble("p90")), num(l.getDouble("p99")),
          num(l.getDouble("p999")), num(r.getJsonObject("connectMs").getDouble("p99")), cpu(r),
          num(r.getDouble("serverPeakMemoryMb")), idle(r), r.getLong("errorCount"),
          r.getLong("errorsInWindow", 0L),
          (r.getBoolean("contended") ? "yes (" + num(r.getDouble("otherCores")) + " cores)" : "no")
              + (r.getBoolean("generatorBehind", false) ? "; generator fell behind" : "")));
    }
    md.append("\n## Holdspace / peer, same load, same sweep\n\n");
    md.append("Deliveries/s above 1 favour Holdspace; latency, CPU and memory below 1 favour Holdspace.\n\n");
    md.append("| clients | msg/s per client | Holdspace | peer | deliveries/s | p50 | p99 | server CPU | memory "
        + "| CPU shared |\n");
    md.append("|---:|---:|---|---|---:|---:|---:|---:|---:|---|\n");
    for (Object o : report.getJsonArray("ratios")) {
      JsonObject r = (JsonObject) o;
      md.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
          r.getInteger("clients"), num(r.getDouble("rate")), r.getString("holdspace"), r.getString("peer"), num(r.getDouble("delivered")),
          num(r.getDouble("p50")), num(r.getDouble("p99")), num(r.getDouble("serverCpu")), num(r.getDouble("memory")),
          r.getBoolean("contended") ? "yes" : "no"));
    }
    md.append(capacity(report.getJsonArray("capacity", new JsonArray())));
    md.append("\n![deliveries/s and p99 latency against offered load](").append(svgName).append(")\n");
    md.append("""

        ## How to read it
        - *offered*: messages per second the clients were scheduled to send; *delivered/s*: copies of messages sent
          in the window that reached a receiver by the end of the drain, per second of window. Every server sends a
          message back to its sender too, and that copy counts (for Holdspace it is the event proving the message
          was stored), so a room of S turns one message into S deliveries.
        - *loss*: expected deliveries (each measured message times the members connected to its room when it was
          sent) minus the deliveries received. Latency is from the moment a message was due to be sent (not when
          the generator got round to it) to its arrival at each receiver.
        - *server CPU*: CPU seconds of the server's processes over the window divided by its length (2.0 = both
          cores); for `holdspace` this includes its embedded PostgreSQL (postmaster and every backend), for
          `holdspace-pg` the backends of its database. *Memory*:
          peak of the summed Pss of the same processes, sampled twice a second. *Idle KB per connection*: what
          that sum grew by while the clients connected, divided by the clients connected, read 2 s after the last
          one joined its room and before any message (a JVM's heap holds garbage until its next collection, so
          this counts some of it).
        - *CPU shared by others*: CPU used during the window by processes that were neither the server nor the
          generator; a disturbed run was repeated and the least disturbed attempt kept.
        """);
    return md.toString();
  }

  /** The disk's sync latency measured before the sweep, which bounds a durable server's tail from below. */
  static String storageSync(JsonObject sync) {
    if (sync == null) {
      return "";
    }
    return String.format(Locale.ROOT, "- The disk under the servers' data, before the sweep: %d syncs of 8 kB "
            + "(fdatasync, as PostgreSQL's WAL at each commit) in %s s took p50 %s, p99 %s, p99.9 %s and at most %s ms. "
            + "Holdspace delivers a message only once its batch is committed, so a stalled sync holds back every "
            + "message waiting on it; the in-memory peers never wait on the disk.%n",
        sync.getLong("syncs"), num(sync.getDouble("seconds")), num(sync.getDouble("p50Ms")),
        num(sync.getDouble("p99Ms")), num(sync.getDouble("p999Ms")), num(sync.getDouble("maxMs")));
  }

  private static String holdspaceNotes(JsonArray runs) {
    StringBuilder out = new StringBuilder();
    boolean iterations = false;
    boolean embedded = false;
    boolean durable = false;
    for (Object o : runs) {
      JsonObject r = (JsonObject) o;
      if (!r.getString("server").startsWith("holdspace") || r.containsKey("failed")) {
        continue;
      }
      if (!iterations) {
        iterations = true;
        out.append("- Holdspace ran from `target/holdspace.jar` with its shipped configuration except password "
            + "hashing at ").append(r.getInteger("holdspacePasswordHashIterations"))
            .append(" PBKDF2 iterations, so that thousands of accounts can be made quickly (sign-in only; not on "
                + "the message path).\n");
      }
      if (!embedded && r.containsKey("postgresCommandLine")) {
        embedded = true;
        String line = r.getString("postgresCommandLine").replace('\n', ' ').replace("`", "'");
        Boolean fsync = fsyncOn(line);
        out.append("- `holdspace`: embedded PostgreSQL, as shipped. It ran as `")
            .append(line.substring(Math.max(0, line.indexOf("\"-D\""))))
            .append("`").append(fsync == null ? ""
                : fsync ? ": fsync and synchronous_commit on, so a message is on disk before Holdspace "
                + "acknowledges and broadcasts it"
                : ": fsync was off, so a commit was not on disk when Holdspace acknowledged and broadcast the message")
            .append(".\n");
      }
      if (!durable && r.containsKey("postgresSettings")) {
        durable = true;
        out.append("- `holdspace-pg`: the same jar with DATABASE_URL to a fresh database on the machine's "
            + "PostgreSQL, whose settings were ").append(r.getJsonObject("postgresSettings").encode())
            .append(". Its CPU and memory count Holdspace and the backends of its database, not the cluster's "
                + "shared WAL writer and checkpointer.\n");
      }
    }
    java.util.Set<String> limits = new java.util.TreeSet<>();
    for (Object o : runs) {
      JsonObject r = (JsonObject) o;
      if (r.containsKey("holdspaceMessagesPerWindow")) {
        limits.add(String.format(Locale.ROOT, "- At %s messages/s per client Holdspace's per-member limit was "
                + "raised from 20 to %d messages per 10 s (HOLDSPACE_MESSAGES_PER_WINDOW).%n",
            num(r.getDouble("rate")), r.getInteger("holdspaceMessagesPerWindow")));
      }
    }
    limits.forEach(out::append);
    return out.toString();
  }

  /**
   * Whether a postgres command line leaves fsync on, or null when it does not say. PostgreSQL applies its switches
   * in order, so the last of {@code -F} (fsync off) and {@code -c fsync=...} decides.
   */
  static Boolean fsyncOn(String commandLine) {
    int off = Math.max(commandLine.lastIndexOf("\"-F\""), commandLine.lastIndexOf("fsync=off"));
    int on = commandLine.lastIndexOf("fsync=on");
    if (off < 0 && on < 0) {
      return null;
    }
    return on > off;
  }

  /** Each server's capacity at p99 within the limit, and Holdspace's against each peer's. */
  static String capacity(JsonArray capacities) {
    StringBuilder md = new StringBuilder();
    md.append(String.format(Locale.ROOT, "%n## Capacity: the most deliveries/s with no loss and p99 ≤ %.0f ms%n%n",
        Capacity.P99_LIMIT_MS));
    md.append("| server | deliveries/s | p99 ms there | server CPU (cores) | load point |\n|---|---:|---:|---:|---|\n");
    for (Object o : capacities) {
      JsonObject c = (JsonObject) o;
      md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %d × %s msg/s |%n", c.getString("server"),
          num(c.getDouble("deliveriesPerSecond")), num(c.getDouble("p99Ms")), num(c.getDouble("cores")),
          c.getInteger("clients"), num(c.getDouble("rate"))));
    }
    JsonArray ratios = Capacity.ratios(capacities);
    if (!ratios.isEmpty()) {
      md.append("\n| Holdspace | peer | capacity ratio |\n|---|---|---:|\n");
      for (Object o : ratios) {
        JsonObject r = (JsonObject) o;
        md.append(String.format(Locale.ROOT, "| %s | %s | %s |%n", r.getString("holdspace"), r.getString("peer"),
            num(r.getDouble("ratio"))));
      }
    }
    return md.toString();
  }

  /** Resident KB per idle connection, and for a Java server its live heap after a full GC. */
  private static String idle(JsonObject r) {
    String rss = num(r.getDouble("idleKbPerConnection", 0.0));
    Double heap = r.getDouble("idleHeapKbPerConnection");
    return heap == null ? rss : rss + " (heap " + num(heap) + ")";
  }

  /** The server's CPU; for Holdspace with its own process's share, the rest being its database's. */
  private static String cpu(JsonObject r) {
    String all = num(r.getDouble("serverCores"));
    return r.getString("server").startsWith("holdspace") && r.containsKey("serverMainProcessCores")
        ? all + " (JVM " + num(r.getDouble("serverMainProcessCores")) + ")" : all;
  }

  static String num(Double v) {
    if (v == null) {
      return "–";
    }
    double a = Math.abs(v);
    if (a >= 100) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (a >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
