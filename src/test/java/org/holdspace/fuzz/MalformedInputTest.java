package org.holdspace.fuzz;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.holdspace.db.DatabaseUrl;
import org.holdspace.support.ChatClient;
import org.holdspace.support.LiveGroup;
import org.holdspace.support.Soak;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.holdspace.support.ChatClient.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated malformed input from a seed ({@code -Dholdspace.fuzz.seed=N} replays a run; the seed is printed):
 * WebSocket frames from a member and a facilitator, and HTTP bodies, paths and parameters. Each gets the contract's
 * error, never a server failure; no socket is closed for it; and the database holds exactly what it held before.
 */
@DisplayName("Malformed input")
@ExtendWith(TestServerExtension.class)
class MalformedInputTest {
  static final Set<String> FRAME_CODES = Set.of("bad_frame", "unauthenticated", "forbidden", "not_found", "not_live",
      "muted", "locked", "rate_limited", "too_large");
  private static final int WINDOW = 200;

  private static TestServer server;
  private static TestServer.Account facilitator;
  private static TestServer.Account member;
  private static long groupId;
  private static long otherGroupId;
  private static final long SEED = Long.getLong("holdspace.fuzz.seed", 20_260_115L);

  @BeforeAll
  static void start() {
    LiveGroup group = LiveGroup.of("Dr. Fuzz", "Mo", "Bea").started().open(server);
    facilitator = group.facilitator();
    member = group.member(0);
    groupId = group.id();
    TestServer.Account otherFacilitator = server.newAccount("facilitator", "Dr. Else");
    otherGroupId = server.newGroup(otherFacilitator, "ipt", 12).getLong("id");
    System.out.println("malformed input seed " + SEED + " (replay with -Dholdspace.fuzz.seed=" + SEED + ")");
  }

  @Test
  @DisplayName("malformed frames each get the contract's error, close no socket and change nothing")
  void frames() throws Exception {
    String before = snapshot();
    int perSocket = Soak.pick(5_000, 100_000);
    var pool = Executors.newFixedThreadPool(2);
    try {
      var memberRun = pool.submit(() -> fuzzSocket(member, false, perSocket, SEED));
      var facilitatorRun = pool.submit(() -> fuzzSocket(facilitator, true, perSocket, SEED + 1));
      Tally tally = memberRun.get(10, TimeUnit.MINUTES).plus(facilitatorRun.get(10, TimeUnit.MINUTES));
      System.out.println("malformed frames sent " + tally.sent + ", answered by code " + tally.codes
          + ", by defect " + tally.defects);
      assertEquals(2 * perSocket, tally.sent);
      assertTrue(FRAME_CODES.containsAll(tally.codes.keySet()), "only the contract's codes: " + tally.codes);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(before, snapshot(), "the malformed frames changed nothing in the database");
    ChatClient after = server.connect(member);
    assertEquals(groupId, after.join(groupId, null).await().getLong("groupId"), "the server still serves the group");
    after.close();
  }

  /** What the server answered to a run of malformed input. */
  static final class Tally {
    int sent;
    final Map<String, Integer> codes = new TreeMap<>();
    final Map<String, Integer> defects = new TreeMap<>();

    Tally plus(Tally other) {
      Tally sum = new Tally();
      sum.sent = sent + other.sent;
      codes.forEach((k, v) -> sum.codes.merge(k, v, Integer::sum));
      other.codes.forEach((k, v) -> sum.codes.merge(k, v, Integer::sum));
      defects.forEach((k, v) -> sum.defects.merge(k, v, Integer::sum));
      other.defects.forEach((k, v) -> sum.defects.merge(k, v, Integer::sum));
      return sum;
    }
  }

  private Tally fuzzSocket(TestServer.Account account, boolean asFacilitator, int count, long seed) throws Exception {
    WebSocketClient client = server.clientVertx().createWebSocketClient(new WebSocketClientOptions()
        .setMaxFrameSize(1024 * 1024).setMaxMessageSize(1024 * 1024));
    WebSocket ws = client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.port())
        .setURI("/ws")).await();
    Map<String, String> waiting = new ConcurrentHashMap<>();
    List<String> problems = new CopyOnWriteArrayList<>();
    Map<String, Integer> codes = new ConcurrentHashMap<>();
    AtomicInteger unreferenced = new AtomicInteger();
    Semaphore window = new Semaphore(WINDOW);
    Semaphore welcomed = new Semaphore(0);
    AtomicInteger closes = new AtomicInteger();
    ws.closeHandler(v -> closes.incrementAndGet());
    ws.textMessageHandler(text -> {
      JsonObject frame = new JsonObject(text);
      String type = frame.getString("type");
      if ("welcome".equals(type)) {
        welcomed.release();
        return;
      }
      if (!"error".equals(type)) {
        String ref = frame.getString("ref");
        problems.add("not an error: " + abbreviate(text) + (ref == null ? "" : " for " + waiting.remove(ref)));
        window.release();
        return;
      }
      String code = frame.getString("code");
      codes.merge(code, 1, Integer::sum);
      if (!FRAME_CODES.contains(code)) {
        problems.add("code " + code + ": " + frame.getString("message"));
      }
      String ref = frame.getString("ref");
      if (ref == null) {
        unreferenced.incrementAndGet();
      } else if (waiting.remove(ref) == null) {
        problems.add("an error for an unknown ref " + ref);
      }
      window.release();
    });
    ws.writeTextMessage(new JsonObject().put("type", "hello").put("token", account.token()).encode());
    assertTrue(welcomed.tryAcquire(10, TimeUnit.SECONDS), "welcome");

    MalformedFrames frames = new MalformedFrames(new Random(seed), groupId, otherGroupId, 987_654_321L, member.id(),
        account.token(), asFacilitator);
    Tally tally = new Tally();
    int expectedUnreferenced = 0;
    for (int i = 0; i < count; i++) {
      MalformedFrames.Input input = frames.next();
      if (!window.tryAcquire(30, TimeUnit.SECONDS)) {
        throw new AssertionError("no answers for 30 s; waiting for " + waiting.values());
      }
      if (input.ref() == null) {
        expectedUnreferenced++;
      } else {
        waiting.put(input.ref(), input.defect() + ": " + abbreviate(input.text()));
      }
      tally.sent++;
      tally.defects.merge(input.defect(), 1, Integer::sum);
      ws.writeTextMessage(input.text());
    }
    assertTrue(window.tryAcquire(WINDOW, 60, TimeUnit.SECONDS), "every frame answered; still waiting for "
        + waiting.values());
    assertEquals(List.of(), problems);
    assertEquals(Map.of(), waiting, "frames with a ref got their error");
    assertEquals(expectedUnreferenced, unreferenced.get(), "frames without a readable ref got one error each");
    assertEquals(0, closes.get(), "no bad frame closed the socket");
    assertFalse(ws.isClosed());
    tally.codes.putAll(codes);
    ws.close().await();
    client.close().await();
    return tally;
  }

  @Test
  @DisplayName("malformed HTTP bodies, paths and parameters get a 4xx with the contract's code, never a 500")
  void requests() throws Exception {
    awaitEmptyRoom();
    String before = snapshot();
    WebClient http = WebClient.create(server.clientVertx(), new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(server.port()));
    MalformedRequests requests = new MalformedRequests(new Random(SEED + 2), groupId, member.id(), facilitator.id(),
        member.username());
    int count = Soak.pick(1_500, 30_000);
    Semaphore window = new Semaphore(16);
    List<String> problems = new CopyOnWriteArrayList<>();
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    Map<String, Integer> defects = new TreeMap<>();
    for (int i = 0; i < count; i++) {
      MalformedRequests.Request r = requests.next();
      defects.merge(r.defect(), 1, Integer::sum);
      assertTrue(window.tryAcquire(30, TimeUnit.SECONDS), "answers keep coming");
      var request = http.request(r.method(), r.path());
      String token = switch (r.as()) {
        case NOBODY -> null;
        case ADMIN -> server.adminToken();
        case FACILITATOR -> facilitator.token();
        case MEMBER -> member.token();
      };
      if (token != null) {
        request.putHeader("Authorization", "Bearer " + token);
      }
      Future<HttpResponse<Buffer>> sent = r.body() == null ? request.send()
          : request.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(r.body()));
      sent.onComplete(ar -> {
        try {
          if (ar.failed()) {
            problems.add(r.defect() + " " + r.method() + " " + abbreviate(r.path()) + ": " + ar.cause());
            return;
          }
          int status = ar.result().statusCode();
          statuses.merge(status, 1, Integer::sum);
          String code = codeOf(ar.result());
          if (!MalformedRequests.codesFor(status).contains(String.valueOf(code))) {
            problems.add(r.defect() + " " + r.method() + " " + abbreviate(r.path()) + " " + abbreviate(r.body())
                + " -> " + status + " " + abbreviate(ar.result().bodyAsString()));
          }
        } finally {
          window.release();
        }
      });
    }
    assertTrue(window.tryAcquire(16, 60, TimeUnit.SECONDS), "every request answered");
    http.close();
    System.out.println("malformed HTTP requests sent " + count + ", answered by status " + new TreeMap<>(statuses)
        + ", by defect " + defects);
    assertEquals(List.of(), problems.stream().limit(20).toList(), problems.size() + " wrong answers");
    assertEquals(before, snapshot(), "the malformed requests changed nothing in the database");
  }

  @Test
  @DisplayName("text at the edges of Unicode is stored and shown exactly as it was sent")
  void unicodeRoundTrip() {
    List<String> texts = List.of("\ufeffbom first", "right\u202eto left", "family 👩‍👩‍👧 and flag 🇺🇦",
        "line\u2028separator\u2029paragraph", "noncharacters \uffff \ufffe", "control \u0001\u001f\u007f\u0085",
        "combining e\u0301\u0301\u0301", "astral 𝄞𝄞", "quotes \" \\ / </script>", "tab\there\r\nnew line",
        "😀".repeat(4000));
    ChatClient f = server.connect(facilitator);
    f.join(groupId, null).await();
    List<Long> seqs = new ArrayList<>();
    for (String text : texts) {
      seqs.add(f.say(groupId, text, null).await());
    }
    long last = seqs.get(seqs.size() - 1);
    f.await(e -> "event".equals(e.getString("type")) && e.getLong("seq") == last, seconds(10));
    var history = TestServer.expect(server.get("/api/groups/" + groupId + "/events?after=" + (seqs.get(0) - 1)
        + "&limit=1000", facilitator.token()), 200).getJsonArray("events");
    for (int i = 0; i < texts.size(); i++) {
      long seq = seqs.get(i);
      String expected = texts.get(i);
      assertEquals(expected, f.events(groupId).stream().filter(e -> e.getLong("seq") == seq).findFirst()
          .orElseThrow().getString("text"), "shown as sent");
      assertEquals(expected, history.stream().map(JsonObject.class::cast).filter(e -> e.getLong("seq") == seq)
          .findFirst().orElseThrow().getString("text"), "stored as sent");
    }
    f.close();
  }

  private static String codeOf(HttpResponse<Buffer> response) {
    try {
      return response.bodyAsJsonObject().getString("code");
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String abbreviate(String s) {
    if (s == null) {
      return "";
    }
    return s.length() > 160 ? s.substring(0, 160) + "…(" + s.length() + ")" : s;
  }

  /**
   * Waits until no socket of an earlier test is still in the room: a socket's leave event is written after it
   * closes, and it must not land between the two snapshots of the next test.
   */
  private static void awaitEmptyRoom() throws Exception {
    DatabaseUrl url = server.server().databaseUrl();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
         Statement s = c.createStatement()) {
      while (true) {
        try (ResultSet r = s.executeQuery("SELECT count(*) FROM presence")) {
          r.next();
          if (r.getLong(1) == 0) {
            return;
          }
        }
        assertTrue(System.nanoTime() < deadline, "the sockets of earlier tests leave the room");
        Thread.sleep(50);
      }
    }
  }

  /** Every table's rows and every group's state, as one string to compare, read in one consistent snapshot. */
  private static String snapshot() throws SQLException {
    DatabaseUrl url = server.server().databaseUrl();
    StringBuilder sb = new StringBuilder();
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password())) {
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        // The groups' rows in full, so that a difference shows which column moved.
        try (ResultSet r = s.executeQuery("SELECT t::text FROM groups t ORDER BY id")) {
          while (r.next()) {
            sb.append("group ").append(r.getString(1)).append('\n');
          }
        }
        for (String table : List.of("users", "groups", "group_members", "group_sessions", "group_events", "whispers",
            "alerts", "audit_log", "presence")) {
          try (ResultSet r = s.executeQuery("SELECT count(*), md5(coalesce(string_agg(t::text, '|' "
              + "ORDER BY t::text), '')) FROM " + table + " t")) {
            r.next();
            sb.append(table).append('=').append(r.getLong(1)).append(':').append(r.getString(2)).append('\n');
          }
        }
      }
      c.rollback();
    }
    return sb.toString();
  }
}
