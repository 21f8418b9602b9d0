package org.holdspace.load;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.holdspace.support.ChatClient;
import org.holdspace.support.LiveGroup;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Far more messages at once than a node can store: it refuses the excess and loses nothing it acknowledged. */
@DisplayName("A node flooded past its capacity")
@ExtendWith(TestServerExtension.class)
class OverloadTest {
  private static final int GROUPS = 4;
  private static final int PER_GROUP = 6_000;
  private static TestServer server;

  @Test
  @DisplayName("answers every message with an ack or unavailable, stores every acknowledged one, and recovers")
  void floodThenRecover() throws Exception {
    List<LiveGroup> groups = new ArrayList<>();
    List<ChatClient> senders = new ArrayList<>();
    for (int g = 0; g < GROUPS; g++) {
      // Facilitators have no message budget, so only the server's own bound can refuse them.
      LiveGroup group = LiveGroup.of("Dr. Flood " + g, 1).started().open(server);
      groups.add(group);
      senders.add(group.joined(group.facilitator()));
    }
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    long heapBefore = runtime.totalMemory() - runtime.freeMemory();

    List<Future<Long>> answers = new ArrayList<>();
    for (int i = 0; i < PER_GROUP; i++) {
      for (int g = 0; g < GROUPS; g++) {
        answers.add(senders.get(g).say(groups.get(g).id(), "flood " + i, "g" + g + "-" + i));
      }
    }
    Future.join(new ArrayList<>(answers)).toCompletionStage().toCompletableFuture()
        .handle((v, e) -> null).get(120, TimeUnit.SECONDS);

    Map<Long, Map<String, Long>> acked = new HashMap<>();
    int refused = 0;
    for (int i = 0; i < answers.size(); i++) {
      Future<Long> answer = answers.get(i);
      int g = i % GROUPS;
      if (answer.succeeded()) {
        acked.computeIfAbsent(groups.get(g).id(), k -> new HashMap<>()).put("g" + g + "-" + (i / GROUPS),
            answer.result());
      } else if (answer.cause() instanceof ChatClient.ErrorFrame error && "unavailable".equals(error.code())) {
        refused++;
      } else {
        fail("a message got neither an ack nor unavailable: " + answer.cause());
      }
    }
    assertTrue(refused > 0, "the flood was refused in part (" + refused + " of " + answers.size() + ")");
    assertTrue(!acked.isEmpty(), "the node kept storing during the flood");

    for (LiveGroup group : groups) {
      Map<String, Long> stored = storedClientIds(group);
      Map<String, Long> expected = acked.getOrDefault(group.id(), Map.of());
      expected.forEach((clientId, seq) -> assertEquals(seq, stored.get(clientId),
          "acknowledged message " + clientId + " is stored with its seq"));
    }

    System.gc();
    long heapAfter = runtime.totalMemory() - runtime.freeMemory();
    assertTrue(heapAfter - heapBefore < 256L * 1024 * 1024,
        "the heap went back near where it was: " + (heapAfter - heapBefore) / 1024 / 1024 + " MB more");

    long seq = senders.get(0).say(groups.get(0).id(), "after the flood", "after-0").toCompletionStage()
        .toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertTrue(seq > 0, "a message after the flood is stored");
  }

  /** The group's stored messages by clientId, read page by page through the history call. */
  private static Map<String, Long> storedClientIds(LiveGroup group) {
    Map<String, Long> stored = new HashMap<>();
    long after = 0;
    while (true) {
      JsonArray page = TestServer.expect(server.get("/api/groups/" + group.id() + "/events?after=" + after
          + "&limit=1000", group.facilitator().token()), 200).getJsonArray("events");
      if (page.isEmpty()) {
        return stored;
      }
      for (Object o : page) {
        JsonObject event = (JsonObject) o;
        after = event.getLong("seq");
        if (event.getString("clientId") != null) {
          stored.put(event.getString("clientId"), event.getLong("seq"));
        }
      }
    }
  }
}
