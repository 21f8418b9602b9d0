package org.holdspace.load;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.holdspace.support.ChatClient;
import org.holdspace.support.LiveGroup;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.holdspace.support.ChatClient.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A member whose client stops reading while the facilitator floods the room. */
@DisplayName("A client that stops reading")
@ExtendWith(TestServerExtension.class)
class SlowConsumerTest {
  private static final long MAX_SENT_BEFORE_DROP = 24L * 1024 * 1024;
  private static TestServer server;
  @RegisterExtension
  final LiveGroup group = LiveGroup.of("Dr. Flood", "Stella", "Rae", "Tal").started().open(server);

  @Test
  @DisplayName("is disconnected before its backlog grows large, and the others keep their pace and every event")
  void stalledReader() throws Exception {
    TestServer.Account facilitator = group.facilitator();
    TestServer.Account stalledMember = group.member(0);
    TestServer.Account reader = group.member(1);
    TestServer.Account talker = group.member(2);
    long groupId = group.id();
    ChatClient readerSocket = server.connect(reader);
    readerSocket.join(groupId, null).await();
    ChatClient talkerSocket = server.connect(talker);
    talkerSocket.join(groupId, null).await();
    ChatClient flooder = server.connect(facilitator);

    StalledWebSocket stalled = StalledWebSocket.open(server.port());
    stalled.send(new JsonObject().put("type", "hello").put("token", stalledMember.token()).encode());
    stalled.send(new JsonObject().put("type", "join").put("groupId", groupId).encode());
    readerSocket.await(e -> isPresence(e, "join", stalledMember.id()), seconds(10));
    java.util.concurrent.atomic.AtomicBoolean dropped = new java.util.concurrent.atomic.AtomicBoolean();
    readerSocket.onFrame(e -> {
      if (isPresence(e, "leave", stalledMember.id())) {
        dropped.set(true);
      }
    });

    String text = "f".repeat(4000);
    long sent = 0;
    long sentWhenDropped = -1;
    long maxLatencyMillis = 0;
    long nextProbe = 0;
    long deadline = System.currentTimeMillis() + 60_000;
    List<Future<Long>> inFlight = new ArrayList<>();
    Future<Long> probe = null;
    long probeSentAt = 0;
    while (System.currentTimeMillis() < deadline && sent < 4 * MAX_SENT_BEFORE_DROP) {
      inFlight.removeIf(Future::isComplete);
      while (inFlight.size() < 8) {
        inFlight.add(flooder.say(groupId, text, null));
        sent += text.length();
      }
      if (probe != null && probe.isComplete()) {
        assertTrue(probe.succeeded(), "the other member's message is acknowledged: " + probe.cause());
        probe = null;
      }
      long now = System.currentTimeMillis();
      if (probe != null) {
        maxLatencyMillis = Math.max(maxLatencyMillis, now - probeSentAt);
      } else if (now >= nextProbe) {
        probe = talkerSocket.say(groupId, "still here", null);
        probeSentAt = now;
        nextProbe = now + 600;
      }
      if (dropped.get()) {
        sentWhenDropped = sent;
        break;
      }
      Thread.sleep(2);
    }
    for (Future<Long> f : inFlight) {
      f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
    long lastSeq = flooder.say(groupId, "the end", null).await();
    System.out.printf("slow reader: dropped after %d characters were sent to the room; other member's slowest ack "
        + "%d ms%n", sentWhenDropped, maxLatencyMillis);
    assertTrue(sentWhenDropped > 0, "the stalled client was disconnected (its leave event arrived)");
    assertTrue(sentWhenDropped < MAX_SENT_BEFORE_DROP, "disconnected after " + sentWhenDropped + " characters");
    assertTrue(maxLatencyMillis < 3_000, "the others were not slowed down: " + maxLatencyMillis + " ms");

    readerSocket.await(e -> "event".equals(e.getString("type")) && e.getLong("seq") == lastSeq, seconds(30));
    List<Long> seqs = readerSocket.events(groupId).stream().map(e -> e.getLong("seq")).toList();
    for (int i = 1; i < seqs.size(); i++) {
      assertEquals(seqs.get(i - 1) + 1, seqs.get(i), "a reading member got every event in order");
    }
    assertTrue(stalled.drainUntilClosed(30_000), "the server ended the stalled connection");
    stalled.close();
    readerSocket.close();
    talkerSocket.close();
    flooder.close();
  }

  private static boolean isPresence(JsonObject e, String kind, long userId) {
    return "event".equals(e.getString("type")) && kind.equals(e.getString("kind")) && e.getLong("userId") == userId;
  }

}
