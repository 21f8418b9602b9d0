package org.holdspace.chat;

import io.vertx.core.json.JsonObject;
import org.holdspace.support.ChatClient;
import org.holdspace.support.LiveGroup;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static org.holdspace.support.ChatClient.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("A group's live chat")
@ExtendWith(TestServerExtension.class)
class ChatStreamTest {
  private static TestServer server;

  @Test
  @DisplayName("three members and the facilitator see the same ordered stream, their own messages included")
  void everyoneSeesTheSameOrderedStream() {
    LiveGroup group = LiveGroup.of("Dr. Lee", "Ana", "Ben", "Cy").started().open(server);
    long groupId = group.id();
    List<ChatClient> clients = new ArrayList<>();
    clients.add(server.connect(group.facilitator()));
    group.members().forEach(m -> clients.add(server.connect(m)));
    long lastSeq = 0;
    for (ChatClient c : clients) {
      JsonObject joined = c.join(groupId, null).await();
      assertEquals("live", joined.getJsonObject("session").getString("status"));
      lastSeq = Math.max(lastSeq, joined.getLong("lastSeq"));
    }
    List<Long> acked = new ArrayList<>();
    for (int round = 0; round < 5; round++) {
      for (int i = 0; i < clients.size(); i++) {
        acked.add(clients.get(i).say(groupId, "round " + round + " from " + i, "c" + round + "-" + i).await());
      }
    }
    for (ChatClient c : clients) {
      c.await(f -> "event".equals(f.getString("type")) && "message".equals(f.getString("kind"))
          && f.getLong("seq").equals(acked.get(acked.size() - 1)), seconds(10));
    }
    List<Long> reference = messageSeqs(clients.get(0), groupId);
    assertEquals(20, reference.size());
    for (ChatClient c : clients) {
      List<Long> seqs = c.events(groupId).stream().map(e -> e.getLong("seq")).toList();
      for (int i = 1; i < seqs.size(); i++) {
        assertTrue(seqs.get(i) > seqs.get(i - 1), "events in strictly increasing seq order: " + seqs);
      }
      assertEquals(reference, messageSeqs(c, groupId));
    }
    assertEquals(acked.stream().sorted().toList(), reference);
    clients.forEach(ChatClient::close);
  }

  @Test
  @DisplayName("messages sent at once from several sockets get distinct seqs with no gap, and repeats are merged")
  void concurrentSays() {
    LiveGroup group = LiveGroup.of("Dr. Park", 4).open(server);
    long groupId = group.id();
    List<ChatClient> clients = new ArrayList<>(group.members().stream().map(server::connect).toList());
    server.startSession(group.facilitator(), groupId);
    for (ChatClient c : clients) {
      c.join(groupId, null).await();
    }
    List<io.vertx.core.Future<Long>> acks = new ArrayList<>();
    for (int n = 0; n < 10; n++) {
      for (int i = 0; i < clients.size(); i++) {
        acks.add(clients.get(i).say(groupId, "burst " + n, "b-" + i + "-" + n));
        acks.add(clients.get(i).say(groupId, "burst " + n, "b-" + i + "-" + n));
      }
    }
    io.vertx.core.Future.all(acks).await();
    List<Long> seqs = acks.stream().map(io.vertx.core.Future::result).toList();
    for (int k = 0; k < seqs.size(); k += 2) {
      assertEquals(seqs.get(k), seqs.get(k + 1), "a repeated clientId gets the first seq");
    }
    List<Long> distinct = seqs.stream().distinct().sorted().toList();
    assertEquals(40, distinct.size());
    assertEquals(distinct.get(0) + 39, distinct.get(39), "consecutive, no gap");
    long last = distinct.get(39);
    for (ChatClient c : clients) {
      c.await(f -> "event".equals(f.getString("type")) && f.getLong("seq") == last, seconds(10));
      assertEquals(distinct, messageSeqs(c, groupId));
    }
    clients.forEach(ChatClient::close);
  }

  private static List<Long> messageSeqs(ChatClient c, long groupId) {
    return c.events(groupId).stream().filter(e -> "message".equals(e.getString("kind")))
        .map(e -> e.getLong("seq")).toList();
  }
}
