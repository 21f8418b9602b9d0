package org.holdspace.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The sweep's command line: which servers, loads and windows. */
final class Sweep {
  List<ServerKind> servers = List.of(ServerKind.values());
  List<Integer> clients = List.of(1000, 5000, 10000);
  List<Double> rates = List.of(0.2, 1.0, 5.0);
  int roomSize = 10;
  int warmup = 10;
  /**
   * The warm-up of --one-core-each when --warmup is not given. The JVM's compiler then shares the server's one core:
   * Holdspace spent half its CPU compiling for the first 80 s of a run at 20,000 deliveries/s, under 5% after.
   */
  static final int ONE_CORE_WARMUP = 60;
  int window = 20;
  int drain = 10;
  int payload = 100;
  final Options options = new Options();

  static final String USAGE = """
      bench/run [options]   (or java -jar bench/target/holdspace-bench.jar [options], from the project root)
        --quick                                    a short sweep of about two minutes that still writes the JSON,
                                                   table and plot: holdspace, ws, socketio, 1000 clients, rates
                                                   0.2 and 1, 2 s warm-up, 5 s window, 2 s drain, no retries;
                                                   options after it override it
        --servers holdspace,holdspace-pg,ws,socketio,prosody
                                                   servers to compare (default: all; prosody skipped if absent,
                                                   holdspace-pg if no PostgreSQL answers at --holdspace-database)
        --holdspace-database URL                   PostgreSQL for holdspace-pg, a fresh database per run
                                                   (default postgres://postgres@127.0.0.1:5432/postgres)
        --clients 1000,5000,10000                 client counts (default 1000,5000,10000)
        --rates 0.2,1,5                            messages per second per client (default 0.2,1,5)
        --room 10                                  members per room (default 10)
        --warmup 10 --window 20 --drain 10         seconds: unmeasured start, measured window, grace for late ones
        --payload 100                              characters per message text (default 100)
        --retries 1                                repeats of a run during which other processes took the CPU
        --contention 0.15                          cores used by others during a window that mark it disturbed
        --connect-concurrency 100                  connections in progress at once
        --event-loops N                            generator threads (default: half the cores, at least 1)
        --transport auto                           generator sockets: epoll, io_uring or nio; auto takes epoll
                                                   where it works, else nio
        --hash-iterations 1000                     Holdspace's PBKDF2 iterations for the benchmark's accounts
        --results bench/results                    where <date>.json, .md and .svg are written
        --one-core-each                            the server and its database pinned to core 0, the generator
                                                   (one event loop) to core 1, so servers compare per core;
                                                   the warm-up is then 60 s unless --warmup is given, as a
                                                   JVM compiles its hot paths on that core for about a minute
      """;

  static Sweep parse(String[] args) {
    Sweep s = new Sweep();
    boolean warmupGiven = false;
    s.options.results = s.options.root.resolve("bench/results");
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("-h") || a.equals("--help")) {
        System.out.print(USAGE);
        System.exit(0);
      }
      if (a.equals("--quick")) {
        s.quick();
        warmupGiven = true;
        continue;
      }
      if (a.equals("--one-core-each")) {
        s.options.oneCoreEach = true;
        s.options.eventLoops = 1;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(a + " needs a value\n" + USAGE);
      }
      String v = args[++i];
      switch (a) {
        case "--servers" -> s.servers = Arrays.stream(v.split(",")).map(ServerKind::named).toList();
        case "--clients" -> s.clients = Arrays.stream(v.split(",")).map(Integer::parseInt).toList();
        case "--rates" -> s.rates = Arrays.stream(v.split(",")).map(Double::parseDouble).toList();
        case "--room" -> s.roomSize = Integer.parseInt(v);
        case "--warmup" -> {
          s.warmup = Integer.parseInt(v);
          warmupGiven = true;
        }
        case "--window" -> s.window = Integer.parseInt(v);
        case "--drain" -> s.drain = Integer.parseInt(v);
        case "--payload" -> s.payload = Integer.parseInt(v);
        case "--retries" -> s.options.retries = Integer.parseInt(v);
        case "--contention" -> s.options.contentionCores = Double.parseDouble(v);
        case "--connect-concurrency" -> s.options.connectConcurrency = Integer.parseInt(v);
        case "--event-loops" -> s.options.eventLoops = Integer.parseInt(v);
        case "--transport" -> s.options.transport = v;
        case "--hash-iterations" -> s.options.hashIterations = Integer.parseInt(v);
        case "--holdspace-database" -> s.options.holdspaceDatabase = v;
        case "--results" -> s.options.results = Path.of(v).toAbsolutePath();
        default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
      }
    }
    if (s.options.oneCoreEach && !warmupGiven) {
      s.warmup = ONE_CORE_WARMUP;
    }
    s.check();
    return s;
  }

  /** The --quick preset: every kind of output from a few short runs, to try the benchmark or check a change. */
  private void quick() {
    // Not prosody: its connects alone add about a minute; --quick --servers holdspace,ws,socketio,prosody adds it.
    servers = List.of(ServerKind.HOLDSPACE, ServerKind.WS, ServerKind.SOCKETIO);
    clients = List.of(1000);
    rates = List.of(0.2, 1.0);
    warmup = 2;
    window = 5;
    drain = 2;
    options.retries = 0;
  }

  private void check() {
    // Bounded in count and time: at most 20,000 clients, 50 messages/s each, 10 minutes a window.
    for (int c : clients) {
      require(c >= 1 && c <= 20_000, "--clients: 1 to 20000");
    }
    for (double r : rates) {
      require(r > 0 && r <= 50, "--rates: above 0, at most 50");
    }
    require(roomSize >= 1 && roomSize <= 1000, "--room: 1 to 1000");
    require(window >= 1 && window <= 600, "--window: 1 to 600 seconds");
    require(warmup >= 0 && warmup <= 120 && drain >= 0 && drain <= 120, "--warmup, --drain: 0 to 120 seconds");
    require(payload >= 40 && payload <= 3000, "--payload: 40 to 3000 characters");
    require(List.of("auto", "io_uring", "epoll", "nio").contains(options.transport),
        "--transport: auto, io_uring, epoll or nio");
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  JsonObject toJson() {
    List<String> names = new ArrayList<>();
    servers.forEach(k -> names.add(k.id));
    return new JsonObject()
        .put("servers", new JsonArray(names))
        .put("clients", new JsonArray(clients))
        .put("rates", new JsonArray(rates))
        .put("roomSize", roomSize)
        .put("warmupSeconds", warmup)
        .put("windowSeconds", window)
        .put("drainSeconds", drain)
        .put("payloadChars", payload)
        .put("retries", options.retries)
        .put("contentionCores", options.contentionCores)
        .put("connectConcurrency", options.connectConcurrency)
        .put("generatorEventLoops", options.eventLoops)
        .put("oneCoreEach", options.oneCoreEach)
        .put("generatorTransport", LoadRun.transport(options.transport).name())
        .put("holdspaceDatabase", options.holdspaceDatabase.replaceAll(":[^:@/]*@", ":***@"))
        .put("holdspacePasswordHashIterations", options.hashIterations);
  }
}
