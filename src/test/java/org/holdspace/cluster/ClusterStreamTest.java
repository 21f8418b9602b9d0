package org.holdspace.cluster;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.holdspace.core.Addresses;
import org.holdspace.support.ChatClient;
import org.holdspace.support.LiveGroup;
import org.holdspace.support.TestCluster;
import org.holdspace.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.holdspace.cluster.Streams.assertConsecutive;
import static org.holdspace.cluster.Streams.assertNoRepeats;
import static org.holdspace.cluster.Streams.seqs;
import static org.holdspace.support.ChatClient.seconds;
import static org.holdspace.support.Frames.event;
import static org.holdspace.support.Frames.seq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Three nodes on loopback, one database: a group's members on different nodes share one stream. */
@DisplayName("A group spread over three clustered nodes")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterStreamTest {
  private static TestCluster cluster;
  private final List<ChatClient> clients = new ArrayList<>();

  @BeforeAll
  static void start() {
    cluster = TestCluster.start(1, Map.of("messagesPerWindow", 1000));
    for (int i = 2; i <= 3; i++) {
      TestCluster.Timing timing = cluster.addNode();
      System.out.printf("Node %d joined the cluster %d ms after its start call and served after %d ms%n", i,
          timing.joinMillis(), timing.startMillis());
    }
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @AfterEach
  void closeClients() {
    clients.forEach(ChatClient::close);
    clients.clear();
  }

  private static LiveGroup liveGroup(int members) {
    return LiveGroup.of("Dr. Noor", members).started().open(cluster.node(0));
  }

  /** A socket of the account on the node, joined to the group. */
  private ChatClient joined(int node, TestServer.Account account, long groupId) {
    ChatClient client = cluster.node(node).connect(account);
    clients.add(client);
    client.join(groupId, null).await();
    return client;
  }

  @Test
  @Order(1)
  @DisplayName("members on three nodes see the same ordered stream, each event once")
  void sameStream() {
    LiveGroup g = liveGroup(3);
    List<ChatClient> sockets = List.of(joined(0, g.facilitator(), g.id()), joined(1, g.members().get(0), g.id()),
        joined(2, g.members().get(1), g.id()), joined(0, g.members().get(2), g.id()));
    List<Long> acked = new ArrayList<>();
    for (int round = 0; round < 5; round++) {
      for (int i = 0; i < sockets.size(); i++) {
        acked.add(sockets.get(i).say(g.id(), "round " + round + " from " + i, "s" + round + "-" + i).await());
      }
    }
    long last = acked.get(acked.size() - 1);
    List<Long> reference = null;
    for (ChatClient socket : sockets) {
      socket.await(seq(last), seconds(10));
      List<Long> messages = seqs(socket.events(g.id()).stream().filter(event("message")).toList());
      assertEquals(acked, messages, "every socket has every message in the order of the acks");
      List<Long> all = seqs(socket, g.id());
      assertConsecutive(all.subList(all.indexOf(acked.get(0)), all.size()));
      reference = reference == null ? messages : reference;
      assertEquals(reference, messages);
    }
  }

  @Test
  @Order(2)
  @DisplayName("concurrent says from every node, with retried clientIds, give one gapless stream and no duplicate")
  void concurrentSays() {
    LiveGroup g = liveGroup(3);
    List<TestServer.Account> speakers = List.of(g.facilitator(), g.members().get(0), g.members().get(1),
        g.members().get(2));
    List<ChatClient> sockets = new ArrayList<>();
    List<ChatClient> retries = new ArrayList<>();
    for (int i = 0; i < speakers.size(); i++) {
      sockets.add(joined(i % 3, speakers.get(i), g.id()));
      retries.add(joined((i + 1) % 3, speakers.get(i), g.id()));
    }
    int perSpeaker = 25;
    List<Map.Entry<String, Future<Long>>> pending = new ArrayList<>();
    for (int n = 0; n < perSpeaker; n++) {
      for (int i = 0; i < sockets.size(); i++) {
        String clientId = "c" + i + "-" + n;
        String text = "message " + n + " from " + i;
        pending.add(Map.entry(clientId, sockets.get(i).say(g.id(), text, clientId)));
        if (n % 5 == 0) {
          // the same frame again at once through another node, as a client that reconnected elsewhere would send it
          pending.add(Map.entry(clientId, retries.get(i).say(g.id(), text, clientId)));
        }
      }
    }
    Map<String, Long> seqByClientId = new HashMap<>();
    for (Map.Entry<String, Future<Long>> said : pending) {
      long seq = said.getValue().await();
      Long earlier = seqByClientId.putIfAbsent(said.getKey(), seq);
      assertTrue(earlier == null || earlier == seq, "one seq per clientId: " + said.getKey());
    }
    int messages = perSpeaker * sockets.size();
    assertEquals(messages, seqByClientId.size());
    long last = seqByClientId.values().stream().mapToLong(Long::longValue).max().orElseThrow();
    for (ChatClient socket : concat(sockets, retries)) {
      socket.await(seq(last), seconds(15));
      List<JsonObject> events = socket.events(g.id());
      List<Long> all = seqs(events);
      assertNoRepeats(all);
      long first = seqByClientId.values().stream().mapToLong(Long::longValue).min().orElseThrow();
      assertConsecutive(all.subList(all.indexOf(first), all.indexOf(last) + 1));
      List<JsonObject> said = events.stream().filter(event("message")).toList();
      assertEquals(messages, said.size(), "each message once, retried or not");
      for (JsonObject e : said) {
        assertEquals(seqByClientId.get(e.getString("clientId")), e.getLong("seq"));
      }
    }
  }

  private static List<ChatClient> concat(List<ChatClient> a, List<ChatClient> b) {
    List<ChatClient> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  @Test
  @Order(3)
  @DisplayName("delivery to a socket on another node: measured against one on the sender's node")
  void crossNodeLatency() throws Exception {
    LiveGroup g = liveGroup(2);
    ChatClient sender = joined(0, g.facilitator(), g.id());
    ChatClient sameNode = joined(0, g.members().get(0), g.id());
    ChatClient otherNode = joined(1, g.members().get(1), g.id());
    Map<String, CompletableFuture<Long>> here = new ConcurrentHashMap<>();
    Map<String, CompletableFuture<Long>> there = new ConcurrentHashMap<>();
    sameNode.onFrame(f -> arrived(here, f));
    otherNode.onFrame(f -> arrived(there, f));
    List<Long> local = new ArrayList<>();
    List<Long> remote = new ArrayList<>();
    int warmUp = 20;
    for (int i = 0; i < 200 + warmUp; i++) {
      String clientId = "lat-" + i;
      CompletableFuture<Long> a = here.computeIfAbsent(clientId, k -> new CompletableFuture<>());
      CompletableFuture<Long> b = there.computeIfAbsent(clientId, k -> new CompletableFuture<>());
      long sent = System.nanoTime();
      sender.say(g.id(), "measure " + i, clientId);
      long atA = a.get(5, TimeUnit.SECONDS);
      long atB = b.get(5, TimeUnit.SECONDS);
      if (i >= warmUp) {
        local.add((atA - sent) / 1000);
        remote.add((atB - sent) / 1000);
      }
    }
    System.out.printf("Say on node A to event on a socket on node A: %s; on node B: %s; cross-node extra (medians) "
        + "%.2f ms%n", Streams.summary(local), Streams.summary(remote),
        Streams.medianMillis(remote) - Streams.medianMillis(local));
    for (ChatClient c : List.of(sameNode, otherNode)) {
      List<Long> messages = seqs(c.events(g.id()).stream().filter(event("message")).toList());
      assertEquals(200 + warmUp, messages.size());
      assertConsecutive(messages);
    }
  }

  private static void arrived(Map<String, CompletableFuture<Long>> waiting, JsonObject frame) {
    long now = System.nanoTime();
    String clientId = frame.getString("clientId");
    if ("event".equals(frame.getString("type")) && clientId != null) {
      waiting.computeIfAbsent(clientId, k -> new CompletableFuture<>()).complete(now);
    }
  }

  @Test
  @Order(100)
  @DisplayName("a node stopped mid-stream: its members resume on another node with nothing lost, its timers run on")
  void nodeStopsMidStream() throws Exception {
    LiveGroup g = liveGroup(2);
    TestServer.Account ana = g.members().get(0);
    TestServer.Account ben = g.members().get(1);
    ChatClient facilitator = joined(1, g.facilitator(), g.id());
    ChatClient facilitatorOnDoomed = joined(2, g.facilitator(), g.id());
    ChatClient anaOnDoomed = joined(2, ana, g.id());
    ChatClient ben0 = joined(0, ben, g.id());
    facilitatorOnDoomed.request(new JsonObject().put("type", "mute").put("groupId", g.id()).put("userId", ben.id())
        .put("minutes", 0.05)).await();
    List<Long> anaAcked = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      anaAcked.add(anaOnDoomed.say(g.id(), "ana " + i, "ana-" + i).await());
    }
    List<Long> streamAcked = new ArrayList<>();
    CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
      for (int i = 0; i < 60; i++) {
        streamAcked.add(facilitator.say(g.id(), "stream " + i, "stream-" + i).await());
      }
    });
    anaOnDoomed.await(f -> "stream 10".equals(f.getString("text")), seconds(10));
    anaOnDoomed.say(g.id(), "ana in flight", "ana-in-flight");
    cluster.stop(2);
    anaOnDoomed.awaitClose(seconds(10));
    List<Long> before = seqs(anaOnDoomed, g.id());
    long lastSeen = before.get(before.size() - 1);

    ChatClient anaBack = cluster.node(0).connect(ana);
    clients.add(anaBack);
    anaBack.join(g.id(), lastSeen).await();
    anaAcked.add(anaBack.say(g.id(), "ana in flight", "ana-in-flight").await());
    stream.get(30, TimeUnit.SECONDS);
    long end = facilitator.say(g.id(), "the end", "end").await();
    anaBack.await(seq(end), seconds(10));

    List<Long> whole = new ArrayList<>(before);
    whole.addAll(seqs(anaBack, g.id()));
    assertConsecutive(whole);
    assertTrue(whole.containsAll(streamAcked) && whole.containsAll(anaAcked), "nothing acknowledged is lost");
    var history = TestServer.expect(cluster.node(0).get("/api/groups/" + g.id() + "/events?limit=1000",
        g.facilitator().token()), 200).getJsonArray("events");
    assertEquals(1, history.stream().map(JsonObject.class::cast)
        .filter(e -> "ana-in-flight".equals(e.getString("clientId"))).count(), "the retried say is stored once");

    JsonObject unmute = ben0.await(e -> event("unmute").test(e) && e.getLong("userId") == ben.id(), seconds(15));
    assertTrue(unmute.getBoolean("expired"), "the mute set through the stopped node ran out on the others");
    ben0.await(seq(end), seconds(10));
    assertEquals(1, Streams.count(ben0, g.id(), event("unmute")), "and only once");
    assertConsecutive(seqs(ben0, g.id()));

    cluster.awaitMembers(2, seconds(30));
    JsonObject health = TestServer.expect(cluster.node(0).get("/health", null), 200);
    assertEquals(2, health.getJsonObject("cluster").getInteger("members"));
  }

  @Test
  @Order(0)
  @DisplayName("an event a node of the earlier release publishes as plain JSON is still an event: delivered once")
  void eventOfEarlierRelease() {
    LiveGroup g = liveGroup(1);
    ChatClient ana = cluster.node(0).connect(g.members().get(0));
    clients.add(ana);
    long last = ana.join(g.id(), null).await().getLong("lastSeq");
    for (long seq : new long[] {last + 1, last + 1, last + 2}) {
      cluster.node(1).server().vertx().eventBus().publish(Addresses.group(g.id()), new JsonObject()
          .put("type", "event").put("groupId", g.id()).put("seq", seq).put("kind", "message")
          .put("at", Instant.now().toString()).put("text", "from an earlier node"));
    }
    ana.await(seq(last + 2), seconds(10));
    assertEquals(1, ana.events(g.id()).stream().filter(seq(last + 1)).count(),
        "the repeated seq is an event the stream has already delivered, not a signal written again");
  }
}
