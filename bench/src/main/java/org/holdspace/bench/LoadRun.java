package org.holdspace.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One measurement against a freshly started server: set-up (Holdspace only), connect every client with bounded
 * concurrency, send open loop (each client on its own fixed schedule with a random phase, whatever the server
 * answers), measure over the window, let late deliveries drain, then stop the clients and the server.
 */
final class LoadRun {
  private static final long CONNECT_TIMEOUT_MS = 60_000;

  private final RunSpec spec;
  private final Options options;
  private final Tally tally = new Tally();
  private final Rooms rooms;
  private final List<BenchClient> clients = new ArrayList<>();
  private volatile long sendEnd;

  private LoadRun(RunSpec spec, Options options) {
    this.spec = spec;
    this.options = options;
    this.rooms = new Rooms(spec.rooms());
  }

  /** Runs the spec and answers its result. */
  static JsonObject run(RunSpec spec, Options options, Path work) throws Exception {
    try (ServerProcess server = ServerProcess.start(spec.server(), options, spec, work)) {
      HoldspaceSetup.Accounts accounts = null;
      long setupStart = System.nanoTime();
      if (spec.server().isHoldspace()) {
        accounts = new HoldspaceSetup(server.port).prepare(spec, options.setupThreads);
      }
      double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
      Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(options.eventLoops));
      try {
        JsonObject result = new LoadRun(spec, options).execute(vertx, server, accounts);
        result.put("setupSeconds", round(setupSeconds, 1));
        if (server.databaseSettings() != null) {
          result.put("postgresSettings", server.databaseSettings());
        }
        Path opts = server.dir.resolve("postgres/postmaster.opts");
        if (Files.exists(opts)) {
          result.put("postgresCommandLine", Files.readString(opts).trim());
        }
        return result;
      } finally {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
    }
  }

  private BenchClient client(int i, HoldspaceSetup.Accounts accounts) {
    int room = spec.roomOf(i);
    return switch (spec.server()) {
      case HOLDSPACE, HOLDSPACE_PG -> new HoldspaceClient(i, room, tally, rooms, accounts.tokens()[i], accounts.groups()[room]);
      case WS -> new WsClient(i, room, tally, rooms);
      case SOCKETIO -> new SocketIoClient(i, room, tally, rooms);
      case PROSODY -> new XmppClient(i, room, tally, rooms);
    };
  }

  private JsonObject execute(Vertx vertx, ServerProcess server, HoldspaceSetup.Accounts accounts) throws Exception {
    MemorySampler memory = new MemorySampler(server);
    memory.start();
    WebSocketClient ws = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxConnections(spec.clients() + 16).setConnectTimeout(30_000));
    List<Context> contexts = eventLoopContexts(vertx);
    double connectSeconds = connectAll(contexts, vertx, ws, server.port, accounts);

    long intervalNanos = (long) (1e9 / spec.rate());
    long t0 = System.nanoTime() + 1_000_000_000L;
    long windowStart = t0 + spec.warmupSeconds() * 1_000_000_000L;
    long windowEnd = windowStart + spec.windowSeconds() * 1_000_000_000L;
    sendEnd = windowEnd;
    tally.window(windowStart, windowEnd);
    SplittableRandom random = new SplittableRandom(42);
    for (BenchClient c : clients) {
      if (c.isInRoom()) {
        c.nextDue = t0 + random.nextLong(intervalNanos);
        c.context.runOnContext(v -> schedule(vertx, c, intervalNanos));
      }
    }

    sleepUntil(windowStart);
    Snapshot before = Snapshot.take(server.roots(), server.pid());
    sleepUntil(windowEnd);
    Snapshot after = Snapshot.take(server.roots(), server.pid());
    long drainDeadline = windowEnd + spec.drainSeconds() * 1_000_000_000L;
    while (System.nanoTime() < drainDeadline && tally.receivedMeasured() < tally.expected()) {
      Thread.sleep(50);
    }
    double drained = Math.max(0, (System.nanoTime() - windowEnd) / 1e9);
    tally.close();
    memory.stop();
    for (BenchClient c : clients) {
      if (c.context != null) {
        c.context.runOnContext(v -> c.stop());
      }
    }
    Thread.sleep(500);
    return Results.of(spec, tally, before, after, connectSeconds, drained, memory.peakKb(),
        Proc.peakRssKb(server.pid()), options);
  }

  /** One context per event loop (a deployment each), over which the clients are spread round-robin. */
  private List<Context> eventLoopContexts(Vertx vertx) {
    List<Context> contexts = new ArrayList<>();
    for (int k = 0; k < options.eventLoops; k++) {
      vertx.deployVerticle(new VerticleBase() {
        @Override
        public Future<?> start() {
          synchronized (contexts) {
            contexts.add(context);
          }
          return Future.succeededFuture();
        }
      }).await();
    }
    return contexts;
  }

  private double connectAll(List<Context> contexts, Vertx vertx, WebSocketClient ws, int port, HoldspaceSetup.Accounts accounts)
      throws InterruptedException {
    Semaphore slots = new Semaphore(options.connectConcurrency);
    CountDownLatch done = new CountDownLatch(spec.clients());
    long start = System.nanoTime();
    for (int i = 0; i < spec.clients(); i++) {
      BenchClient c = client(i, accounts);
      clients.add(c);
      slots.acquire();
      Context context = contexts.get(i % contexts.size());
      c.context = context;
      context.runOnContext(v -> {
        long begin = System.nanoTime();
        AtomicLong timer = new AtomicLong(vertx.setTimer(CONNECT_TIMEOUT_MS, id -> c.refused("connect timeout")));
        c.connect(ws, "127.0.0.1", port).onComplete(ar -> {
          vertx.cancelTimer(timer.get());
          if (ar.succeeded()) {
            tally.connected((System.nanoTime() - begin) / 1000);
          } else {
            tally.error("connect: " + shorten(String.valueOf(ar.cause().getMessage())));
          }
          slots.release();
          done.countDown();
        });
      });
    }
    if (!done.await(15, TimeUnit.MINUTES)) {
      tally.error("connect phase timed out");
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private void schedule(Vertx vertx, BenchClient c, long intervalNanos) {
    long delayMs = (c.nextDue - System.nanoTime()) / 1_000_000;
    vertx.setTimer(Math.max(1, delayMs), id -> fire(vertx, c, intervalNanos));
  }

  /** Sends every message that is due (catching up if the generator fell behind), then waits for the next. */
  private void fire(Vertx vertx, BenchClient c, long intervalNanos) {
    long now = System.nanoTime();
    while (c.nextDue <= now + 500_000) {
      if (c.nextDue >= sendEnd || !c.isInRoom()) {
        return;
      }
      String payload = Payload.text(c.index, c.seq, c.nextDue, spec.payloadChars());
      c.write(payload);
      tally.sent(c.nextDue, now, rooms.present(c.room));
      c.seq++;
      c.nextDue += intervalNanos;
    }
    if (c.nextDue < sendEnd) {
      schedule(vertx, c, intervalNanos);
    }
  }

  private static void sleepUntil(long nanos) throws InterruptedException {
    long left;
    while ((left = nanos - System.nanoTime()) > 0) {
      Thread.sleep(Math.max(1, left / 1_000_000));
    }
  }

  static String shorten(String s) {
    return s.length() > 60 ? s.substring(0, 60) : s;
  }

  static double round(double v, int digits) {
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }

  /** CPU readings at one moment: the server's process tree, this generator, the whole machine. */
  record Snapshot(long at, long serverTicks, long mainTicks, long selfTicks, long[] machine) {
    static Snapshot take(List<Integer> roots, int main) {
      Proc.Stat self = Proc.stat(Proc.self());
      Proc.Stat server = Proc.stat(main);
      return new Snapshot(System.nanoTime(), Proc.treeTicks(roots), server == null ? 0 : server.ticks(),
          self == null ? 0 : self.ticks(), Proc.machine());
    }
  }

  /** Samples the server's memory twice a second and keeps the peak. */
  private static final class MemorySampler {
    private final ServerProcess server;
    private final AtomicLong peak = new AtomicLong();
    private volatile boolean running = true;
    private Thread thread;

    MemorySampler(ServerProcess server) {
      this.server = server;
    }

    void start() {
      thread = new Thread(() -> {
        while (running) {
          peak.accumulateAndGet(Proc.treeMemoryKb(server.roots()), Math::max);
          try {
            Thread.sleep(500);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "memory-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    void stop() throws InterruptedException {
      running = false;
      thread.join(2000);
      peak.accumulateAndGet(Proc.treeMemoryKb(server.roots()), Math::max);
    }

    long peakKb() {
      return peak.get();
    }
  }
}
