package org.holdspace.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.transport.Transport;

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
 *
 * <p>The generator shares the machine with the server it measures, so it is kept cheap: the clients are spread
 * over a few event loops, each loop paces all of its clients with one timer ({@link Pacer}) and counts into its
 * own {@link Tally.Lane}, and received frames are scanned as bytes.
 */
final class LoadRun {
  private static final long CONNECT_TIMEOUT_MS = 60_000;
  private static final long IDLE_SETTLE_MS = 2_000;
  /** A message due this soon is sent now rather than after another timer (timers fire whole milliseconds late). */
  private static final long EARLY_NANOS = 500_000;

  private final RunSpec spec;
  private final Options options;
  private final Tally tally = new Tally();
  private final Rooms rooms;
  private final List<BenchClient> clients = new ArrayList<>();

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
      Vertx vertx = Vertx.builder()
          .with(new VertxOptions().setEventLoopPoolSize(options.eventLoops))
          .withTransport(transport(options.transport))
          .build();
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

  /**
   * The generator's socket transport. Linux's native ones make fewer and cheaper system calls per message than
   * Java NIO (io_uring batches them), which on a shared machine leaves more CPU to the server being measured.
   */
  static Transport transport(String name) {
    List<Transport> choices = switch (name) {
      case "io_uring" -> List.of(Transport.IO_URING);
      case "epoll" -> List.of(Transport.EPOLL);
      case "nio" -> List.of(Transport.NIO);
      // epoll: measured cheaper per message than Java NIO and, in Netty 4.2 here, than io_uring.
      default -> List.of(Transport.EPOLL, Transport.NIO);
    };
    for (Transport t : choices) {
      if (t.available()) {
        return t;
      }
    }
    Throwable why = choices.get(0).unavailabilityCause();
    throw new IllegalStateException("the " + name + " transport is not available here: " + why, why);
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
    List<Tally.Lane> lanes = new ArrayList<>();
    contexts.forEach(c -> lanes.add(tally.lane()));
    boolean onJvm = server.kind.isHoldspace();
    java.util.OptionalLong beforeConnectHeapKb = onJvm ? JavaHeap.liveKb(server.pid()) : java.util.OptionalLong.empty();
    boolean histograms = onJvm && System.getenv("BENCH_HEAP_HISTOGRAMS") != null;
    if (histograms) {
      JavaHeap.histogram(server.pid(), server.dir.resolveSibling(server.dir.getFileName() + "-heap-before-connect.txt"));
    }
    long beforeConnectKb = Proc.treeMemoryKb(server.roots());
    double connectSeconds = connectAll(contexts, lanes, vertx, ws, server.port, accounts);
    Thread.sleep(IDLE_SETTLE_MS);
    long connectedKb = Proc.treeMemoryKb(server.roots());
    java.util.OptionalLong connectedHeapKb = onJvm ? JavaHeap.liveKb(server.pid()) : java.util.OptionalLong.empty();
    if (histograms) {
      JavaHeap.histogram(server.pid(), server.dir.resolveSibling(server.dir.getFileName() + "-heap-connected.txt"));
    }

    long intervalNanos = (long) (1e9 / spec.rate());
    long t0 = System.nanoTime() + 1_000_000_000L;
    long windowStart = t0 + spec.warmupSeconds() * 1_000_000_000L;
    long windowEnd = windowStart + spec.windowSeconds() * 1_000_000_000L;
    tally.window(windowStart, windowEnd);
    List<Pacer<BenchClient>> pacers = new ArrayList<>();
    contexts.forEach(c -> pacers.add(new Pacer<>(intervalNanos, windowEnd, EARLY_NANOS)));
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < clients.size(); i++) {
      BenchClient c = clients.get(i);
      if (c.isInRoom()) {
        c.nextDue(t0 + random.nextLong(intervalNanos));
        pacers.get(i % contexts.size()).add(c);
      }
    }
    for (int k = 0; k < contexts.size(); k++) {
      Pacer<BenchClient> pacer = pacers.get(k);
      contexts.get(k).runOnContext(v -> {
        pacer.start();
        tick(vertx, pacer);
      });
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
    settle(contexts);
    memory.stop();
    for (BenchClient c : clients) {
      if (c.context != null) {
        c.context.runOnContext(v -> c.stop());
      }
    }
    Thread.sleep(500);
    return Results.of(spec, tally, before, after, connectSeconds, drained, memory.peakKb(),
        Proc.peakRssKb(server.pid()), options)
        .put("idleKbPerConnection", idleKbPerConnection(beforeConnectKb, connectedKb, tally.connectMicros().count()))
        .put("idleHeapKbPerConnection", beforeConnectHeapKb.isPresent() && connectedHeapKb.isPresent()
            ? idleKbPerConnection(beforeConnectHeapKb.getAsLong(), connectedHeapKb.getAsLong(),
                tally.connectMicros().count()) : null);
  }

  /**
   * What the server's processes grew by while the clients connected, per connected client, measured once they sit
   * idle in their rooms (before any message): its memory cost per idle member.
   */
  static double idleKbPerConnection(long beforeKb, long afterKb, long connected) {
    return connected == 0 ? 0 : round(Math.max(0, afterKb - beforeKb) / (double) connected, 1);
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

  /** Waits until each event loop has run a task: what it recorded before is then visible here. */
  private static void settle(List<Context> contexts) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(contexts.size());
    contexts.forEach(c -> c.runOnContext(v -> done.countDown()));
    done.await(10, TimeUnit.SECONDS);
  }

  private double connectAll(List<Context> contexts, List<Tally.Lane> lanes, Vertx vertx, WebSocketClient ws, int port,
                            HoldspaceSetup.Accounts accounts) throws InterruptedException {
    Semaphore slots = new Semaphore(options.connectConcurrency);
    CountDownLatch done = new CountDownLatch(spec.clients());
    long start = System.nanoTime();
    for (int i = 0; i < spec.clients(); i++) {
      BenchClient c = client(i, accounts);
      clients.add(c);
      slots.acquire();
      Context context = contexts.get(i % contexts.size());
      c.context = context;
      c.lane = lanes.get(i % contexts.size());
      context.runOnContext(v -> {
        long begin = System.nanoTime();
        AtomicLong timer = new AtomicLong(vertx.setTimer(CONNECT_TIMEOUT_MS, id -> c.refused("connect timeout")));
        c.connect(ws, "127.0.0.1", port).onComplete(ar -> {
          vertx.cancelTimer(timer.get());
          if (ar.succeeded()) {
            c.lane.connected((System.nanoTime() - begin) / 1000);
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

  /**
   * Sends every message of the loop's clients that is due (catching up if the generator fell behind), then sets
   * one timer for the next: one timer per loop at a time, whatever the number of clients.
   */
  private void tick(Vertx vertx, Pacer<BenchClient> pacer) {
    long wait = pacer.run(System.nanoTime(), this::send);
    if (wait >= 0) {
      vertx.setTimer(Math.max(1, (wait + 999_999) / 1_000_000), id -> tick(vertx, pacer));
    }
  }

  /** Writes the client's message due at {@code due}; false once the client has left its room (it stops sending). */
  private boolean send(BenchClient c, long due, long now) {
    if (!c.isInRoom()) {
      return false;
    }
    c.write(Payload.text(c.index, c.seq, due, spec.payloadChars()));
    c.lane.sent(due, now, rooms.present(c.room));
    c.seq++;
    return true;
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
