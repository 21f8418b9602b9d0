package org.holdspace.fault;

import org.holdspace.db.DatabaseUrl;
import org.holdspace.db.EmbeddedDatabase;
import org.holdspace.support.ChatClient;
import org.holdspace.support.Soak;
import org.holdspace.support.TestDatabase;
import org.holdspace.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

import static org.holdspace.support.ChatClient.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL stops, stays away for some seconds, restarts, or drops every connection while members talk. No
 * message is acknowledged that is not in the store, nothing is acknowledged while the database is down, the
 * refusals say {@code unavailable}, and the server recovers by itself.
 */
@DisplayName("The database failing while members talk")
class DatabaseFaultTest {
  private static Path folder;
  private static int port;
  private static EmbeddedDatabase database;
  private static DatabaseUrl url;
  private static TestServer server;
  private static String facilitatorToken;

  @BeforeAll
  static void start() throws IOException {
    folder = Files.createTempDirectory("holdspace-fault-pg");
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    database = EmbeddedDatabase.start(folder, port);
    url = TestDatabase.freshOn(database.url());
    server = TestServer.start(url, Map.of());
  }

  @AfterAll
  static void stop() {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      database.close();
      deleteFolder(folder);
    }
  }

  private static void deleteFolder(Path root) {
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.out.println("could not remove " + root + ": " + e.getMessage());
    }
  }

  /** What one fault did: acknowledgements and stored messages once the server had recovered. */
  private record Outcome(String fault, int acked, int stored, int ackedWhileDown, long recoveryMillis) {
  }

  @Test
  @DisplayName("acknowledges only what it stored, nothing while the database is down, and recovers by itself")
  void faultsWhileTalking() throws Exception {
    TestServer.Account facilitator = server.newAccount("facilitator", "Dr. Vale");
    long groupId = server.newGroup(facilitator, "ipt", 12).getLong("id");
    facilitatorToken = facilitator.token();
    List<TestServer.Account> members = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      TestServer.Account member = server.newAccount("member", "Member " + i);
      server.enrol(facilitator, groupId, member);
      members.add(member);
    }
    server.startSession(facilitator, groupId);
    ChatClient observer = server.connect(facilitator);
    observer.join(groupId, null).await();

    List<Talker> talkers = new ArrayList<>();
    List<ChatClient> clients = new ArrayList<>();
    ChatClient f = server.connect(facilitator);
    clients.add(f);
    talkers.add(new Talker(f, groupId, "f", 150));
    for (int i = 0; i < members.size(); i++) {
      ChatClient c = server.connect(members.get(i));
      c.join(groupId, null).await();
      clients.add(c);
      talkers.add(new Talker(c, groupId, "m" + i, 600));
    }
    talkers.forEach(Talker::start);
    waitFor("the first messages", seconds(30), () -> totalAcked(talkers) >= 20);

    List<Outcome> outcomes = new ArrayList<>();
    int rounds = Soak.pick(1, 5);
    for (int round = 0; round < rounds; round++) {
      outcomes.add(restart(talkers, groupId, "database restarted", 0));
      outcomes.add(restart(talkers, groupId, "database unreachable for 5 s", 5_000));
      outcomes.add(cutConnections(talkers, groupId));
    }

    for (Talker t : talkers) {
      t.stop();
    }
    // Whatever was refused is sent again with its clientId: it is stored once, whether or not it got in before.
    var retries = java.util.concurrent.Executors.newFixedThreadPool(talkers.size());
    try {
      java.util.concurrent.CompletableFuture.allOf(talkers.stream()
          .map(t -> java.util.concurrent.CompletableFuture.runAsync(t::retryUnanswered, retries))
          .toArray(java.util.concurrent.CompletableFuture[]::new)).join();
    } finally {
      retries.shutdown();
    }

    Map<String, Long> acked = new HashMap<>();
    Map<String, Integer> errors = new TreeMap<>();
    for (Talker t : talkers) {
      t.acked.forEach((clientId, ack) -> acked.put(clientId, ack.seq()));
      t.errors.forEach((code, n) -> errors.merge(code, n, Integer::sum));
    }
    Map<String, Stored> stored = storedMessages(groupId);
    assertEquals(acked.keySet(), stored.keySet(), "every acknowledged message is stored, and nothing else");
    acked.forEach((clientId, seq) -> {
      assertEquals(seq, stored.get(clientId).seq(), "the acknowledged seq is the stored one: " + clientId);
      assertEquals(Talker.text(clientId), stored.get(clientId).text(), "the text is intact: " + clientId);
    });
    assertEquals(Set.of("unavailable"), errors.keySet(), "refusals during the faults say unavailable: " + errors);
    for (ChatClient c : clients) {
      assertFalse(c.isClosed(), "the database's faults do not close the members' sockets");
    }
    long lastSeq = acked.values().stream().mapToLong(Long::longValue).max().orElseThrow();
    observer.await(e -> "event".equals(e.getString("type")) && e.getLong("seq") >= lastSeq, seconds(30));
    List<Long> seqs = observer.events(groupId).stream().map(e -> e.getLong("seq")).toList();
    for (int i = 1; i < seqs.size(); i++) {
      assertEquals(seqs.get(i - 1) + 1, seqs.get(i), "a socket that stayed joined saw every event once, in order");
    }
    assertTrue(seqs.containsAll(acked.values()), "every acknowledged message reached the joined socket");

    for (Outcome o : outcomes) {
      System.out.printf("fault '%s': acknowledged %d, in the store %d, acknowledged while down %d, recovered in %d ms%n",
          o.fault(), o.acked(), o.stored(), o.ackedWhileDown(), o.recoveryMillis());
      assertEquals(0, o.ackedWhileDown(), o.fault() + ": nothing is acknowledged while the database is down");
      assertTrue(o.stored() >= o.acked(), o.fault() + ": every acknowledged message is in the store");
    }
    System.out.printf("faults injected %d; messages acknowledged %d, stored %d; refusals %s%n",
        outcomes.size(), acked.size(), stored.size(), errors);
    observer.close();
    clients.forEach(ChatClient::close);
  }

  /** Stops PostgreSQL, keeps it away for {@code downMillis}, starts it again on the same port and data. */
  private Outcome restart(List<Talker> talkers, long groupId, String fault, long downMillis) throws Exception {
    database.close();
    long downAt = System.currentTimeMillis();
    if (downMillis > 0) {
      waitFor("the health check to report the database down", seconds(10),
          () -> server.get("/health", null).statusCode() == 503);
      var refused = server.get("/api/groups/" + groupId, facilitatorToken);
      assertEquals(503, refused.statusCode(), "an API call while the database is down: " + refused.bodyAsString());
      assertEquals("unavailable", refused.bodyAsJsonObject().getString("code"));
      Thread.sleep(Math.max(0, downMillis - (System.currentTimeMillis() - downAt)));
    }
    long upAt = System.currentTimeMillis();
    int ackedWhileDown = (int) talkers.stream().flatMap(t -> t.acked.values().stream())
        .filter(a -> a.atMillis() > downAt && a.atMillis() < upAt).count();
    database = EmbeddedDatabase.start(folder, port);
    return recovered(talkers, groupId, fault, upAt, ackedWhileDown);
  }

  /** Ends every connection of the server's pool from inside the database, which stays up. */
  private Outcome cutConnections(List<Talker> talkers, long groupId) throws Exception {
    long at = System.currentTimeMillis();
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
         Statement s = c.createStatement()) {
      s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
          + "WHERE datname = current_database() AND pid <> pg_backend_pid()");
    }
    return recovered(talkers, groupId, "every database connection cut", at, 0);
  }

  private Outcome recovered(List<Talker> talkers, long groupId, String fault, long since, int ackedWhileDown)
      throws Exception {
    waitFor("every talker to be acknowledged again after: " + fault, seconds(60),
        () -> talkers.stream().allMatch(t -> t.ackedAfter(since)));
    long recoveryMillis = System.currentTimeMillis() - since;
    assertEquals(200, server.get("/health", null).statusCode(), "healthy again after: " + fault);
    talkers.forEach(Talker::pause);
    waitFor("the talkers to pause", seconds(60), () -> talkers.stream().allMatch(Talker::idle));
    Map<String, Stored> stored = storedMessages(groupId);
    int acked = totalAcked(talkers);
    for (Talker t : talkers) {
      t.acked.forEach((clientId, ack) -> assertEquals(ack.seq(), stored.containsKey(clientId)
          ? stored.get(clientId).seq() : -1, fault + ": acknowledged but not stored: " + clientId));
    }
    talkers.forEach(Talker::resume);
    return new Outcome(fault, acked, stored.size(), ackedWhileDown, recoveryMillis);
  }

  private static int totalAcked(List<Talker> talkers) {
    return talkers.stream().mapToInt(t -> t.acked.size()).sum();
  }

  private record Stored(long seq, String text) {
  }

  private static Map<String, Stored> storedMessages(long groupId) throws SQLException {
    Map<String, Stored> rows = new HashMap<>();
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
         PreparedStatement s = c.prepareStatement("SELECT client_id, seq, body->>'text' FROM group_events "
             + "WHERE group_id = ? AND kind = 'message' AND client_id IS NOT NULL")) {
      s.setLong(1, groupId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.put(r.getString(1), new Stored(r.getLong(2), r.getString(3)));
        }
      }
    }
    return rows;
  }

  private static void waitFor(String what, java.time.Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(50);
    }
  }
}
