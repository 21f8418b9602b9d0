package org.holdspace.cluster;

import io.vertx.core.json.JsonObject;
import org.holdspace.support.ChatClient;
import org.holdspace.support.LiveGroup;
import org.holdspace.support.ProcessNode;
import org.holdspace.support.TestCluster;
import org.holdspace.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.holdspace.cluster.Streams.assertConsecutive;
import static org.holdspace.cluster.Streams.seqs;
import static org.holdspace.support.ChatClient.seconds;
import static org.holdspace.support.Frames.event;
import static org.holdspace.support.Frames.seq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A node in its own process, killed outright in the middle of a session, next to a node in this JVM. */
@DisplayName("A node that crashes")
class NodeCrashTest {
  private static TestCluster cluster;
  private static ProcessNode doomed;

  @BeforeAll
  static void start() {
    cluster = TestCluster.start(1, Map.of("messagesPerWindow", 1000));
    long t0 = System.nanoTime();
    doomed = ProcessNode.start(TestServer.keys(cluster.database(), cluster.keys()), seconds(90));
    cluster.awaitMembers(2, seconds(30));
    System.out.printf("A node in its own process served and was in the cluster %d ms after its launch%n",
        (System.nanoTime() - t0) / 1_000_000);
  }

  @AfterAll
  static void stop() {
    if (doomed != null) {
      doomed.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @DisplayName("its sockets resume on the other node with nothing lost, its mute and go-round run out there, and a "
      + "hand raised on it by a member who does not come back is lowered")
  void crashMidSession() throws Exception {
    TestServer node = cluster.node(0);
    LiveGroup group = LiveGroup.of("Dr. Park", "Ana", "Ben", "Cy").started().open(node);
    TestServer.Account facilitator = group.facilitator();
    TestServer.Account ana = group.member(0);
    TestServer.Account ben = group.member(1);
    long groupId = group.id();

    ChatClient staying = joined(node.connect(facilitator), groupId);
    ChatClient facilitatorOnDoomed = joined(node.connect(facilitator, doomed.port()), groupId);
    ChatClient anaOnDoomed = joined(node.connect(ana, doomed.port()), groupId);
    ChatClient benOnDoomed = joined(node.connect(ben, doomed.port()), groupId);
    facilitatorOnDoomed.request(new JsonObject().put("type", "mute").put("groupId", groupId)
        .put("userId", ben.id()).put("minutes", 0.05)).await();
    facilitatorOnDoomed.request(new JsonObject().put("type", "start_round").put("groupId", groupId)
        .put("prompt", "One word").put("turnSeconds", 5)).await();
    TestServer.Account cy = group.member(2);
    ChatClient cyOnDoomed = joined(node.connect(cy, doomed.port()), groupId);
    cyOnDoomed.request(new JsonObject().put("type", "raise_hand").put("groupId", groupId)).await();
    List<Long> acked = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      acked.add(anaOnDoomed.say(groupId, "ana " + i, "ana-" + i).await());
    }
    List<Long> streamed = new ArrayList<>();
    CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
      for (int i = 0; i < 40; i++) {
        streamed.add(staying.say(groupId, "stream " + i, "stream-" + i).await());
      }
    });
    anaOnDoomed.await(f -> "stream 10".equals(f.getString("text")), seconds(10));

    doomed.kill();

    anaOnDoomed.awaitClose(seconds(10));
    benOnDoomed.awaitClose(seconds(10));
    ChatClient anaBack = resume(node, ana, anaOnDoomed, groupId);
    ChatClient benBack = resume(node, ben, benOnDoomed, groupId);
    stream.get(30, TimeUnit.SECONDS);
    acked.addAll(streamed);
    staying.await(event("round_ended"), seconds(20));
    long end = staying.say(groupId, "the end", "end").await();
    for (ChatClient[] member : List.of(new ChatClient[] {anaOnDoomed, anaBack},
        new ChatClient[] {benOnDoomed, benBack})) {
      member[1].await(seq(end), seconds(10));
      List<JsonObject> whole = new ArrayList<>(member[0].events(groupId));
      whole.addAll(member[1].events(groupId));
      assertConsecutive(seqs(whole));
      assertTrue(seqs(whole).containsAll(acked), "nothing acknowledged is lost");
      assertEquals(1, whole.stream().filter(event("unmute")).count(), "the mute ran out once");
      assertEquals(1, whole.stream().filter(event("round_ended")).count(), "the round ended once");
      assertEquals(List.of(ana.id(), ben.id()), whole.stream().filter(event("round_turn"))
          .map(e -> e.getLong("userId")).toList(), "each turn once");
    }
    JsonObject lowered = staying.await(e -> event("hand_lowered").test(e) && e.getLong("userId") == cy.id(), seconds(60));
    JsonObject left = staying.await(e -> event("leave").test(e) && e.getLong("userId") == cy.id(), seconds(10));
    assertTrue(lowered.getLong("seq") < left.getLong("seq"), "the hand goes down before the leave");
    cluster.awaitMembers(1, seconds(30));
    JsonObject health = TestServer.expect(node.get("/health", null), 200);
    assertEquals(1, health.getJsonObject("cluster").getInteger("members"));
    for (ChatClient c : List.of(staying, facilitatorOnDoomed, anaOnDoomed, benOnDoomed, cyOnDoomed, anaBack, benBack)) {
      c.close();
    }
  }

  private static ChatClient joined(ChatClient client, long groupId) {
    client.join(groupId, null).await();
    return client;
  }

  /** Reconnects to the surviving node after the last event the dead node's socket delivered. */
  private static ChatClient resume(TestServer node, TestServer.Account account, ChatClient lost, long groupId) {
    List<Long> seen = seqs(lost, groupId);
    ChatClient back = node.connect(account);
    back.join(groupId, seen.get(seen.size() - 1)).await();
    return back;
  }
}
