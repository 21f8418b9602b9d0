package org.holdspace.chat;

import org.holdspace.support.ChatClient;
import org.holdspace.support.LiveGroup;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.holdspace.support.ChatClient.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Sends 100 messages one after another on one socket and reports the time from say to the own event. */
@DisplayName("One socket's round trip")
class RoundTripTest {
  @RegisterExtension
  static final TestServerExtension SERVER = TestServerExtension.with(Map.of("messagesPerWindow", 1000));
  private static TestServer server;
  @RegisterExtension
  final LiveGroup group = LiveGroup.of("Dr. Roe", "Eli").started().open(server);

  @Test
  @DisplayName("100 messages each come back as the sender's own event, in order")
  void roundTrips() {
    long groupId = group.id();
    ChatClient client = server.connect(group.member(0));
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
