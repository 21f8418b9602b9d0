package org.holdspace.load;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.holdspace.support.ChatClient;
import org.holdspace.support.Soak;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.holdspace.support.ChatClient.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every client of several full groups drops at the same moment and comes back at the same moment. */
@DisplayName("A reconnect storm")
@ExtendWith(TestServerExtension.class)
class ReconnectStormTest {
  private static TestServer server;

  /** One member's place in the storm: its account, group, socket and the last seq it saw. */
  private static final class Seat {
    final TestServer.Account account;
    final long groupId;
    ChatClient client;
    long lastSeen;

    Seat(TestServer.Account account, long groupId) {
      this.account = account;
      this.groupId = groupId;
    }
  }

  @Test
  @DisplayName("brings every client back with exactly the events it missed, and the rooms' presence right")
  void everyoneAtOnce() throws Exception {
    int groups = Soak.pick(5, 40);
    int storms = Soak.pick(2, 10);
    Map<Long, TestServer.Account> facilitators = new HashMap<>();
    List<Seat> seats = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      TestServer.Account facilitator = server.newAccount("facilitator", "Dr. Storm " + g);
      long groupId = server.newGroup(facilitator, "ipt", 12).getLong("id");
      facilitators.put(groupId, facilitator);
      for (int m = 0; m < 12; m++) {
        TestServer.Account member = server.newAccount("member", "Member " + g + "." + m);
        server.enrol(facilitator, groupId, member);
        seats.add(new Seat(member, groupId));
      }
      server.startSession(facilitator, groupId);
    }
    connectAll(seats, false);
    Map<Long, ChatClient> speakers = new HashMap<>();
    for (var entry : facilitators.entrySet()) {
      speakers.put(entry.getKey(), server.connect(entry.getValue()));
    }
    long slowest = 0;
    for (int storm = 0; storm < storms; storm++) {
      Map<Long, Long> before = sayToAll(speakers, "before storm " + storm);
      awaitEveryone(seats, before);
      for (Seat s : seats) {
        s.lastSeen = s.client.events(s.groupId).stream().mapToLong(e -> e.getLong("seq")).max().orElse(0);
      }
      seats.forEach(s -> s.client.close());
      Map<Long, Long> whileAway = sayToAll(speakers, "while away " + storm);
      long started = System.currentTimeMillis();
      connectAll(seats, true);
      slowest = Math.max(slowest, System.currentTimeMillis() - started);
      Map<Long, Long> after = sayToAll(speakers, "after storm " + storm);
      awaitEveryone(seats, after);
      for (Seat s : seats) {
        List<Long> seqs = s.client.events(s.groupId).stream().map(e -> e.getLong("seq")).toList();
        assertEquals(s.lastSeen + 1, seqs.get(0), "the replay starts right after the last seq seen");
        for (int i = 1; i < seqs.size(); i++) {
          assertEquals(seqs.get(i - 1) + 1, seqs.get(i), "no gap and no duplicate for " + s.account.username());
        }
        assertTrue(seqs.contains(whileAway.get(s.groupId)), "what was said while away arrives");
        assertTrue(s.client.received().stream().noneMatch(f -> "error".equals(f.getString("type"))),
            "no errors: " + s.client.received());
      }
    }
    for (var entry : facilitators.entrySet()) {
      JsonObject joined = speakers.get(entry.getKey()).join(entry.getKey(), null).await();
      List<Long> ids = joined.getJsonObject("state").getJsonArray("present").stream()
          .map(id -> ((Number) id).longValue()).toList();
      long present = seats.stream().filter(s -> s.groupId == entry.getKey()).filter(s -> ids.contains(s.account.id()))
          .count();
      assertEquals(12, present, "every member is present once more in group " + entry.getKey());
    }
    assertEquals(200, server.get("/health", null).statusCode());
    System.out.printf("reconnect storm: %d clients in %d groups, %d storms, slowest full reconnect %d ms%n",
        seats.size(), groups, storms, slowest);
    assertTrue(slowest < 30_000, "everyone back within 30 s: " + slowest + " ms");
    seats.forEach(s -> s.client.close());
    speakers.values().forEach(ChatClient::close);
  }

  /** Connects, says hello and joins for every seat at once (from the last seq seen when resuming). */
  private static void connectAll(List<Seat> seats, boolean resume) throws Exception {
    List<Future<ChatClient>> all = new ArrayList<>();
    for (Seat s : seats) {
      all.add(ChatClient.connect(server.clientVertx(), server.port())
          .compose(c -> c.hello(s.account.token()).map(c))
          .compose(c -> c.join(s.groupId, resume ? s.lastSeen : null).map(c)));
    }
    Future.all(all).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    for (int i = 0; i < seats.size(); i++) {
      seats.get(i).client = all.get(i).result();
    }
  }

  private static Map<Long, Long> sayToAll(Map<Long, ChatClient> speakers, String text) {
    Map<Long, Long> seqs = new HashMap<>();
    speakers.forEach((groupId, client) -> seqs.put(groupId, client.say(groupId, text, null).await()));
    return seqs;
  }

  private static void awaitEveryone(List<Seat> seats, Map<Long, Long> seqs) {
    for (Seat s : seats) {
      long seq = seqs.get(s.groupId);
      s.client.await(e -> "event".equals(e.getString("type")) && e.getLong("seq") >= seq, seconds(30));
    }
  }
}
