package org.holdspace.chat;

import org.holdspace.support.ChatClient;
import org.holdspace.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.holdspace.support.ChatClient.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Sends 100 messages one after another on one socket and reports the time from say to the own event. */
@DisplayName("One socket's round trip")
class RoundTripTest {
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(org.holdspace.support.TestDatabase.fresh(),
        java.util.Map.of("messagesPerWindow", 1000));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("100 messages each come back as the sender's own event, in order")
  void roundTrips() {
    TestServer.Account facilitator = server.newAccount("facilitator", "Dr. Roe");
    TestServer.Account member = server.newAccount("member", "Eli");
    long groupId = server.newGroup(facilitator, "ipt", 12).getLong("id");
    server.enrol(facilitator, groupId, member);
    server.startSession(facilitator, groupId);
    ChatClient client = server.connect(member);
    client.join(groupId, null).await();
    List<Long> micros = new ArrayList<>();
    List<Long> seqs = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      String clientId = "rt-" + i;
      long start = System.nanoTime();
      client.say(groupId, "round trip " + i, clientId).await();
      client.await(e -> "event".equals(e.getString("type")) && clientId.equals(e.getString("clientId")), seconds(5));
      if (i >= 20) {
        micros.add((System.nanoTime() - start) / 1000);
      }
    }
    client.events(groupId).stream().filter(e -> "message".equals(e.getString("kind")))
        .forEach(e -> seqs.add(e.getLong("seq")));
    assertEquals(120, seqs.size());
    assertEquals(seqs.stream().sorted().toList(), seqs);
    Collections.sort(micros);
    System.out.printf("Round trip say -> own event over 100 messages (after 20 warm-up): median %.2f ms, p99 %.2f ms%n",
        micros.get(49) / 1000.0, micros.get(98) / 1000.0);
    client.close();
  }
}
