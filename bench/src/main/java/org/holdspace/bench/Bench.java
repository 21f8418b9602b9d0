package org.holdspace.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sweep: every load point (clients x rate) against every server, the servers' order rotating from one point
 * to the next, each run on a fresh server; a run during which other processes used more than a set share of the
 * CPU is repeated (up to {@code --retries}) and the least disturbed attempt kept, still marked if disturbed.
 * Writes {@code <results>/<date>.json}, {@code .md} and {@code .svg}.
 */
public final class Bench {
  private Bench() {
  }

  public static void main(String[] args) throws Exception {
    Sweep sweep = Sweep.parse(args);
    Options options = sweep.options;
    JsonObject machine = Machine.describe();
    if (options.oneCoreEach) {
      if (!Pinning.available()) {
        throw new IllegalStateException("--one-core-each needs two cores and taskset (util-linux)");
      }
      Pinning.generatorOnItsCore();
    }
    Files.createDirectories(options.results);
    Path work = Files.createTempDirectory("holdspace-bench-");
    System.out.println("Each server's log goes to " + work + "/<server>-*/server.log");
    machine.put("storageSync", StorageSync.probe(work, 10));
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm"));
    List<ServerKind> servers = new ArrayList<>(sweep.servers);
    List<String> notes = new ArrayList<>();
    if (servers.contains(ServerKind.PROSODY) && !onPath("prosody")) {
      servers.remove(ServerKind.PROSODY);
      notes.add("Prosody is not installed here (Debian package prosody), so the XMPP MUC peer was skipped.");
    }
    if (servers.contains(ServerKind.HOLDSPACE_PG)) {
      try {
        PgDatabase.create(options.holdspaceDatabase).close();
      } catch (RuntimeException e) {
        servers.remove(ServerKind.HOLDSPACE_PG);
        notes.add("No PostgreSQL answered at " + sweep.toJson().getString("holdspaceDatabase")
            + ", so Holdspace on a durable PostgreSQL (holdspace-pg) was skipped: " + e.getMessage());
      }
    }
    JsonArray runs = new JsonArray();
    int point = 0;
    for (int clients : sweep.clients) {
      for (double rate : sweep.rates) {
        List<ServerKind> order = new ArrayList<>(servers);
        java.util.Collections.rotate(order, -point);
        point++;
        for (ServerKind server : order) {
          RunSpec spec = new RunSpec(server, clients, sweep.roomSize, rate, sweep.warmup, sweep.window, sweep.drain,
              sweep.payload);
          JsonObject result = measure(spec, options, work);
          runs.add(result);
          System.out.println(summary(result));
        }
      }
    }
    JsonObject report = new JsonObject()
        .put("date", stamp)
        .put("machine", machine)
        .put("settings", sweep.toJson())
        .put("notes", new JsonArray(notes))
        .put("runs", runs)
        .put("ratios", Ratios.of(runs))
        .put("capacity", Capacity.of(runs));
    Path base = options.results.resolve(stamp);
    Files.writeString(Path.of(base + ".json"), report.encodePrettily() + "\n");
    Files.writeString(Path.of(base + ".md"), Report.markdown(report, stamp + ".svg"));
    Files.writeString(Path.of(base + ".svg"), Plot.svg(report));
    System.out.println("Wrote " + base + ".json, .md and .svg");
  }

  /** Runs the spec, again while another process took the CPU, up to the retries; keeps the least disturbed. */
  private static JsonObject measure(RunSpec spec, Options options, Path work) {
    JsonObject best = null;
    JsonArray disturbance = new JsonArray();
    for (int attempt = 0; attempt <= options.retries; attempt++) {
      System.out.println("Running " + spec.label() + (attempt > 0 ? " (again: the CPU was shared)" : ""));
      JsonObject result;
      try {
        result = LoadRun.run(spec, options, work);
      } catch (Exception e) {
        result = new JsonObject().put("server", spec.server().id).put("clients", spec.clients())
            .put("roomSize", spec.roomSize()).put("rate", spec.rate()).put("failed", String.valueOf(e));
        System.out.println("  failed: " + e);
        return result.put("attempts", attempt + 1);
      }
      disturbance.add(result.getDouble("otherCores"));
      if (best == null || result.getDouble("otherCores") < best.getDouble("otherCores")) {
        best = result;
      }
      if (!result.getBoolean("contended")) {
        break;
      }
    }
    return best.put("attempts", disturbance.size()).put("otherCoresByAttempt", disturbance);
  }

  static String summary(JsonObject r) {
    if (r.containsKey("failed")) {
      return String.format("  %-9s C=%d r=%s FAILED %s", r.getString("server"), r.getInteger("clients"),
          r.getDouble("rate"), r.getString("failed"));
    }
    JsonObject lat = r.getJsonObject("latencyMs");
    return String.format("  %-9s C=%d r=%s delivered %.0f/s loss %d (%.3f%%) p50 %.2f p99 %.2f p99.9 %.2f ms "
            + "server %.2f cores %.0f MB, other %.2f cores%s, errors %d (%d in the window)",
        r.getString("server"), r.getInteger("clients"), r.getDouble("rate"), r.getDouble("deliveredPerSecond"),
        r.getLong("loss"), r.getDouble("lossPercent"), lat.getDouble("p50"), lat.getDouble("p99"),
        lat.getDouble("p999"), r.getDouble("serverCores"), r.getDouble("serverPeakMemoryMb"),
        r.getDouble("otherCores"), r.getBoolean("contended") ? " (CONTENDED)" : "", r.getLong("errorCount"),
        r.getLong("errorsInWindow", 0L));
  }

  static boolean onPath(String program) {
    return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
  }
}
