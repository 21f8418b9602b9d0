package org.holdspace.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server under test, started fresh for one run on a free loopback port, its output kept in a log file, and
 * stopped at the end (SIGTERM, then SIGKILL after 15 s). For Holdspace its embedded PostgreSQL is found through
 * {@code postmaster.pid} in the data folder so that its processes count as the server's.
 */
final class ServerProcess implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("(?:Holdspace listening on port|listening on) (\\d+)");

  final ServerKind kind;
  final int port;
  final Path dir;
  private Process process;
  private final PgDatabase database;
  private CountDownLatch ready = new CountDownLatch(1);
  private ProcessBuilder builder;
  private boolean pinnedCluster;

  private ServerProcess(ServerKind kind, int port, Path dir, Process process, PgDatabase database) {
    this.kind = kind;
    this.port = port;
    this.dir = dir;
    this.process = process;
    this.database = database;
  }

  /** Starts the server and waits until it serves (at most 180 s). */
  static ServerProcess start(ServerKind kind, Options options, RunSpec spec, Path work) throws IOException, InterruptedException {
    int port = freePort();
    Path dir = Files.createTempDirectory(work, kind.id + "-");
    List<String> command = new ArrayList<>();
    ProcessBuilder builder = new ProcessBuilder(command).directory(options.root.toFile()).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    PgDatabase database = null;
    switch (kind) {
      case HOLDSPACE, HOLDSPACE_PG -> {
        command.addAll(List.of("java", "-jar", options.root.resolve("target/holdspace.jar").toString()));
        env.put("HOLDSPACE_HTTP_HOST", "127.0.0.1");
        env.put("HOLDSPACE_HTTP_PORT", Integer.toString(port));
        env.put("HOLDSPACE_DATA_DIR", dir.toString());
        env.put("HOLDSPACE_ADMIN_PASSWORD", HoldspaceSetup.ADMIN_PASSWORD);
        env.put("HOLDSPACE_JWT_SECRET", "benchmark-secret-that-is-long-enough-for-hs256");
        env.put("HOLDSPACE_PASSWORD_HASH_ITERATIONS", Integer.toString(options.hashIterations));
        env.put("HOLDSPACE_TOKEN_MINUTES", "600");
        spec.holdspaceMessagesPerWindow().ifPresent(n -> env.put("HOLDSPACE_MESSAGES_PER_WINDOW", Integer.toString(n)));
        env.remove("DATABASE_URL");
        String jvmOptions = System.getenv("BENCH_HOLDSPACE_JAVA_OPTIONS");
        if (jvmOptions != null) {
          env.put("JAVA_TOOL_OPTIONS", jvmOptions);
        }
        if (kind == ServerKind.HOLDSPACE_PG) {
          database = PgDatabase.create(options.holdspaceDatabase);
          env.put("DATABASE_URL", database.url());
        }
      }
      case WS, SOCKETIO -> {
        command.addAll(List.of("node", options.root.resolve("bench/peers/" + (kind == ServerKind.WS
            ? "ws-server.js" : "socketio-server.js")).toString()));
        env.put("PORT", Integer.toString(port));
      }
      case PROSODY -> {
        command.addAll(List.of("prosody", "--config", options.root.resolve("bench/peers/prosody.cfg.lua").toString(),
            "-F"));
        env.put("BENCH_DIR", dir.toString());
        env.put("BENCH_PORT", Integer.toString(port));
      }
      default -> throw new IllegalStateException();
    }
    if (options.oneCoreEach) {
      builder.command(Pinning.onServerCore(command));
      if (database != null) {
        Pinning.pinCluster(database.postmaster(), Pinning.SERVER_CORE);
      }
    }
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      if (database != null) {
        database.close();
      }
      throw e;
    }
    ServerProcess server = new ServerProcess(kind, port, dir, process, database);
    server.builder = builder;
    server.pinnedCluster = options.oneCoreEach;
    server.pump(dir.resolve("server.log"), false);
    try {
      server.awaitReady(kind == ServerKind.PROSODY);
    } catch (IOException | InterruptedException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** Stops the server and starts it again on the same port and data (a node restart); waits until it serves. */
  void restart() throws IOException, InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new IOException(kind.id + " did not stop within 60 s");
    }
    ready = new CountDownLatch(1);
    process = builder.start();
    pump(dir.resolve("server.log"), true);
    awaitReady(false);
  }

  private void pump(Path log, boolean append) throws IOException {
    PrintWriter out = new PrintWriter(append
        ? Files.newBufferedWriter(log, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND)
        : Files.newBufferedWriter(log, StandardCharsets.UTF_8), true);
    Process process = this.process;
    CountDownLatch ready = this.ready;
    Thread t = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          out.println(line);
          Matcher m = READY.matcher(line);
          if (m.find() && Integer.parseInt(m.group(1)) == port) {
            ready.countDown();
          }
        }
      } catch (IOException e) {
        out.println("[bench] server output ended: " + e.getMessage());
      } finally {
        out.close();
      }
    }, "server-log-" + kind.id);
    t.setDaemon(true);
    t.start();
  }

  private void awaitReady(boolean byPort) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(kind.id + " exited with " + process.exitValue() + "; see " + dir.resolve("server.log"));
      }
      if (byPort ? listening() : ready.await(200, TimeUnit.MILLISECONDS)) {
        return;
      }
      if (byPort) {
        Thread.sleep(200);
      }
    }
    close();
    throw new IOException(kind.id + " did not start within 180 s; see " + dir.resolve("server.log"));
  }

  private boolean listening() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** The processes whose CPU and memory are the server's: the process (with its children) and its database. */
  List<Integer> roots() {
    List<Integer> roots = new ArrayList<>();
    roots.add((int) process.pid());
    postmaster().ifPresent(roots::add);
    if (database != null) {
      roots.addAll(database.backends());
    }
    return roots;
  }

  private java.util.Optional<Integer> postmaster() {
    Path pidFile = dir.resolve("postgres/postmaster.pid");
    try {
      if (kind.isHoldspace() && Files.exists(pidFile)) {
        return java.util.Optional.of(Integer.parseInt(Files.readAllLines(pidFile).get(0).trim()));
      }
    } catch (IOException | RuntimeException e) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.empty();
  }

  int pid() {
    return (int) process.pid();
  }

  @Override
  public void close() {
    if (database != null && pinnedCluster) {
      try {
        Pinning.pinCluster(database.postmaster(), Pinning.allCores());
      } catch (IOException | InterruptedException e) {
        System.err.println("[bench] could not give the PostgreSQL cluster its cores back: " + e.getMessage());
      }
    }
    java.util.Optional<Integer> pg = postmaster();
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // The server stops its embedded database on a clean exit; after a forced one, stop it here.
    pg.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).ifPresent(h -> {
      h.destroy();
      try {
        h.onExit().get(15, TimeUnit.SECONDS);
      } catch (Exception e) {
        h.destroyForcibly();
      }
    });
    if (database != null) {
      database.close();
    }
    deleteData();
  }

  /** Removes what the run stored (the embedded database, Prosody's data), keeping server.log for a post-mortem. */
  private void deleteData() {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder())
          .filter(p -> !p.equals(dir) && !p.getFileName().toString().equals("server.log"))
          .forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.out.println("  could not clean " + dir + ": " + e.getMessage());
    }
  }

  /** The settings of the PostgreSQL a holdspace-pg run used, or null. */
  io.vertx.core.json.JsonObject databaseSettings() {
    return database == null ? null : database.settings;
  }
}
