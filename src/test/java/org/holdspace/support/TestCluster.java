package org.holdspace.support;

import org.holdspace.db.DatabaseUrl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Several Holdspace nodes in this JVM, each with its own Vert.x and Hazelcast on loopback, over one fresh database.
 * The cluster has a name of its own and ports of its own, so that other test runs on the machine never join it.
 */
public final class TestCluster implements AutoCloseable {
  private static final AtomicInteger RUNS = new AtomicInteger();

  private final DatabaseUrl database;
  private final Map<String, Object> keys = new HashMap<>();
  private final List<TestServer> nodes = new ArrayList<>();
  private final List<Boolean> running = new ArrayList<>();

  /** How long a node took: from the start call to its membership seen by a running node, and to serving. */
  public record Timing(long joinMillis, long startMillis) {
  }

  private TestCluster(DatabaseUrl database, Map<String, Object> overrides) {
    this.database = database;
    keys.put("cluster", true);
    keys.put("clusterName", "holdspace-test-" + ProcessHandle.current().pid() + "-" + RUNS.incrementAndGet());
    keys.put("clusterHost", "127.0.0.1");
    keys.put("clusterMembers", "127.0.0.1");
    keys.put("clusterPort", basePort());
    keys.putAll(overrides);
  }

  /** A cluster of {@code size} nodes, started one after another, over a fresh database. */
  public static TestCluster start(int size, Map<String, Object> overrides) {
    TestCluster cluster = new TestCluster(TestDatabase.fresh(), overrides);
    try {
      for (int i = 0; i < size; i++) {
        cluster.addNode();
      }
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  /** A first port with room above it for the nodes of this cluster. */
  private static int basePort() {
    for (int attempt = 0; attempt < 20; attempt++) {
      try (ServerSocket socket = new ServerSocket(0)) {
        int port = socket.getLocalPort();
        if (port + 20 < 65535) {
          return port;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new IllegalStateException("no free port range for the cluster");
  }

  /** Starts one more node and answers how long it took to join and to serve. */
  public Timing addNode() {
    return addNode(Map.of());
  }

  /** Starts one more node with some keys of its own on top of the cluster's. */
  public Timing addNode(Map<String, Object> own) {
    Map<String, Object> nodeKeys = new HashMap<>(keys);
    nodeKeys.putAll(own);
    int seen = runningCount();
    TestServer witness = seen == 0 ? null : nodes.get(firstRunning());
    long t0 = System.nanoTime();
    CompletableFuture<TestServer> starting = CompletableFuture.supplyAsync(() -> TestServer.start(database, nodeKeys));
    long joined = -1;
    if (witness != null) {
      long deadline = t0 + Duration.ofSeconds(60).toNanos();
      while (witness.server().cluster().members() < seen + 1 && !starting.isDone() && System.nanoTime() < deadline) {
        sleepMillis(1);
      }
      joined = System.nanoTime();
    }
    TestServer node = starting.join();
    long started = System.nanoTime();
    nodes.add(node);
    running.add(true);
    if (witness == null) {
      joined = started;
    }
    return new Timing((joined - t0) / 1_000_000, (started - t0) / 1_000_000);
  }

  private static void sleepMillis(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private int runningCount() {
    return (int) running.stream().filter(r -> r).count();
  }

  private int firstRunning() {
    return running.indexOf(true);
  }

  public TestServer node(int index) {
    return nodes.get(index);
  }

  public int size() {
    return nodes.size();
  }

  public DatabaseUrl database() {
    return database;
  }

  /** The configuration keys every node of this cluster has (a node in another process needs the same). */
  public Map<String, Object> keys() {
    return Map.copyOf(keys);
  }

  /** Stops one node's server; its sockets are closed, the test's clients of it stay. */
  public void stop(int index) {
    running.set(index, false);
    nodes.get(index).stopServer();
  }

  /** Waits until every running node sees {@code members} nodes in the cluster. */
  public void awaitMembers(int members, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      boolean all = true;
      for (int i = 0; i < nodes.size(); i++) {
        if (running.get(i) && nodes.get(i).server().cluster().members() != members) {
          all = false;
        }
      }
      if (all) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the nodes did not all see " + members + " members within " + timeout);
      }
      sleepMillis(20);
    }
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    for (int i = nodes.size() - 1; i >= 0; i--) {
      try {
        nodes.get(i).close();
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
