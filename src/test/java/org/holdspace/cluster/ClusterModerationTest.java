package org.holdspace.cluster;

import io.vertx.core.json.JsonObject;
import org.holdspace.support.ChatClient;
import org.holdspace.support.LiveGroup;
import org.holdspace.support.TestCluster;
import org.holdspace.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.holdspace.cluster.Streams.assertConsecutive;
import static org.holdspace.cluster.Streams.count;
import static org.holdspace.cluster.Streams.seqs;
import static org.holdspace.support.ChatClient.seconds;
import static org.holdspace.support.Frames.event;
import static org.holdspace.support.Frames.ids;
import static org.holdspace.support.Frames.seq;
import static org.holdspace.support.Refusals.errorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two nodes on loopback, one database: moderation, timers and private frames work whichever node a socket is on. */
@DisplayName("Moderation across two clustered nodes")
class ClusterModerationTest {
  private static TestCluster cluster;
  private static final String METRICS_TOKEN = "a-scraper-token-for-tests";
  @RegisterExtension
  final LiveGroup group = LiveGroup.of("Dr. Vale", "Ana", "Ben").started().open(cluster.node(0));
  private final TestServer.Account facilitator = group.facilitator();
  private final TestServer.Account ana = group.member(0);
  private final TestServer.Account ben = group.member(1);
  private final long groupId = group.id();

  @BeforeAll
  static void start() {
    cluster = TestCluster.start(2, Map.of("metricsToken", METRICS_TOKEN));
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private ChatClient joined(int node, TestServer.Account account) {
    return group.joined(cluster.node(node), account);
  }

  @Test
  @DisplayName("a mute set on one node is enforced on the other, and lifted there by an unmute from the first")
  void muteAcrossNodes() {
    ChatClient f = joined(0, facilitator);
    ChatClient anaHere = joined(0, ana);
    ChatClient anaThere = joined(1, ana);
    long muteSeq = f.request(group.frame("mute").put("userId", ana.id())).await().getLong("seq");
    anaThere.await(seq(muteSeq), seconds(5));
    assertEquals("muted", errorCode(() -> anaThere.say(groupId, "on the other node", null).await()));
    assertEquals("muted", errorCode(() -> anaHere.say(groupId, "on this node", null).await()));
    f.request(group.frame("unmute").put("userId", ana.id())).await();
    assertTrue(anaThere.say(groupId, "thank you", null).await() > 0);
  }

  @Test
  @DisplayName("after moderation from sockets on both nodes, both nodes give the same state to a joining socket")
  void sameStateOnEveryNode() {
    ChatClient f0 = joined(0, facilitator);
    ChatClient f1 = joined(1, facilitator);
    ChatClient a1 = joined(1, ana);
    ChatClient b0 = joined(0, ben);
    long said = a1.say(groupId, "something to take back", null).await();
    b0.request(group.frame("raise_hand")).await();
    a1.request(group.frame("raise_hand")).await();
    f1.request(group.frame("lock")).await();
    f0.request(group.frame("mute").put("userId", ana.id()).put("minutes", 30)).await();
    f1.request(group.frame("give_floor").put("userId", ben.id())).await();
    f0.request(group.frame("slow_mode").put("seconds", 20)).await();
    long last = f1.request(group.frame("redact").put("seq", said)).await().getLong("seq");
    for (ChatClient c : List.of(f0, f1, a1, b0)) {
      c.await(seq(last), seconds(5));
    }
    JsonObject on0 = lateJoin(0);
    JsonObject on1 = lateJoin(1);
    assertEquals(on0.getLong("lastSeq"), on1.getLong("lastSeq"));
    assertEquals(on0.getJsonObject("state"), on1.getJsonObject("state"));
    JsonObject state = on1.getJsonObject("state");
    assertTrue(state.getBoolean("locked"));
    assertEquals(ben.id(), state.getLong("floor"));
    assertEquals(List.of(ana.id()), ids(state.getJsonArray("muted")));
    assertEquals(List.of(ana.id()), ids(state.getJsonArray("hands")));
    assertEquals(20, state.getInteger("slowModeSeconds"));
    assertEquals("forbidden", errorCode(() -> b0.request(group.frame("unlock")).await()));
    assertEquals(seqs(f0, groupId), seqs(f1, groupId), "both facilitator sockets saw the same stream");
  }

  private JsonObject lateJoin(int node) {
    return group.connect(cluster.node(node), facilitator).join(groupId, null).await();
  }

  @Test
  @DisplayName("a timed mute ends and a go-round turn runs out once, though every node watches the deadlines")
  void timersRunOnce() {
    ChatClient f = joined(0, facilitator);
    ChatClient a = joined(1, ana);
    ChatClient b = joined(0, ben);
    f.request(group.frame("mute").put("userId", ben.id()).put("minutes", 0.02)).await();
    f.request(group.frame("start_round").put("prompt", "A word for today").put("turnSeconds", 5)).await();
    // Ana's turn runs out by itself; Ben then passes his
    b.await(e -> event("round_turn").test(e) && e.getLong("userId") == ben.id(), seconds(15));
    b.request(group.frame("pass")).await();
    for (ChatClient c : List.of(f, a, b)) {
      c.await(event("round_ended"), seconds(15));
      c.await(e -> event("unmute").test(e) && e.getLong("userId") == ben.id(), seconds(15));
    }
    long last = f.say(groupId, "marker", null).await();
    for (ChatClient c : List.of(f, a, b)) {
      c.await(seq(last), seconds(5));
      assertEquals(1, count(c, groupId, event("unmute")), "the mute ran out once");
      assertEquals(1, count(c, groupId, event("round_ended")), "the round ended once");
      List<Long> turns = c.events(groupId).stream().filter(event("round_turn")).map(e -> e.getLong("userId")).toList();
      assertEquals(List.of(ana.id(), ben.id()), turns, "each member had one turn");
      assertConsecutive(seqs(c, groupId));
    }
    assertEquals(seqs(f, groupId), seqs(b, groupId));
  }

  @Test
  @DisplayName("whispers and risk alerts reach sockets on the other node, and no one else")
  void privateFramesAcrossNodes() {
    ChatClient f = joined(0, facilitator);
    ChatClient a = joined(1, ana);
    ChatClient b = joined(1, ben);
    f.request(group.frame("whisper").put("userId", ana.id()).put("text", "How are you holding up?")).await();
    JsonObject whisper = a.await(e -> "whisper".equals(e.getString("type")), seconds(5));
    assertEquals(facilitator.id(), whisper.getJsonObject("from").getLong("id"));
    a.request(group.frame("whisper").put("text", "Hard week")).await();
    f.await(e -> "whisper".equals(e.getString("type")) && e.getJsonObject("from").getLong("id") == ana.id(),
        seconds(5));
    long risky = a.say(groupId, "some days I want to die", null).await();
    JsonObject alert = f.await(e -> "alert".equals(e.getString("type")), seconds(5)).getJsonObject("alert");
    assertEquals(risky, alert.getJsonObject("ref").getLong("seq"));
    long last = f.say(groupId, "marker", null).await();
    b.await(seq(last), seconds(5));
    a.await(seq(last), seconds(5));
    assertFalse(b.received().stream().anyMatch(e -> "whisper".equals(e.getString("type"))
        || "alert".equals(e.getString("type"))));
    assertFalse(a.received().stream().anyMatch(e -> "alert".equals(e.getString("type"))));
  }

  @Test
  @DisplayName("health shows both nodes in the cluster; metrics count connections, events and delivery, with no ids")
  void healthAndMetrics() {
    ChatClient f = joined(0, facilitator);
    ChatClient a = joined(1, ana);
    long last = f.say(groupId, "counted", null).await();
    a.await(seq(last), seconds(5));
    for (int node = 0; node < 2; node++) {
      JsonObject health = TestServer.expect(cluster.node(node).get("/health", null), 200);
      assertEquals("up", health.getString("status"));
      assertEquals(new JsonObject().put("enabled", true).put("members", 2), health.getJsonObject("cluster"));
    }
    String metrics = cluster.node(1).get("/metrics", METRICS_TOKEN).bodyAsString();
    assertTrue(metrics.contains("holdspace_cluster_members 2.0"), metrics);
    assertTrue(gauge(metrics, "holdspace_websocket_connections") >= 1, metrics);
    assertTrue(gauge(metrics, "holdspace_event_delivery_seconds_count") >= 1, "node 1 delivered to Ana");
    String other = cluster.node(0).get("/metrics", METRICS_TOKEN).bodyAsString();
    assertTrue(gauge(other, "holdspace_events_published_total") >= 1);
    assertFalse(metrics.contains("holdspace.group") || metrics.contains("holdspace.user"), "no address in a label");
    assertFalse(metrics.contains("counted"), "no text");
    new HashSet<>(List.of(ana.username(), facilitator.username())).forEach(name ->
        assertFalse(metrics.contains(name), "no account"));
  }

  private static double gauge(String metrics, String name) {
    return metrics.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
  }
}
