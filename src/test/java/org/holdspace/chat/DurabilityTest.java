package org.holdspace.chat;

import io.vertx.core.json.JsonObject;
import org.holdspace.support.ChatClient;
import org.holdspace.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.holdspace.support.ChatClient.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Acknowledged messages")
class DurabilityTest {
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("survive a server restart between two messages, in order and with their seqs")
  void surviveRestart() {
    TestServer.Account facilitator = server.newAccount("facilitator", "Dr. Kim");
    TestServer.Account member = server.newAccount("member", "Noa");
    long groupId = server.newGroup(facilitator, "ipt", 12).getLong("id");
    server.enrol(facilitator, groupId, member);
    server.startSession(facilitator, groupId);
    ChatClient before = server.connect(member);
    long first = before.say(groupId, "before the restart", "m-1").await();
    before.close();

    server.restart();

    ChatClient after = server.connect(member);
    JsonObject joined = after.join(groupId, 0L).await();
    assertEquals("live", joined.getJsonObject("session").getString("status"));
    long second = after.say(groupId, "after the restart", "m-2").await();
    assertTrue(second > first);
    assertEquals(first, after.say(groupId, "before the restart", "m-1").await(), "clientId still recognised");
    after.await(e -> "event".equals(e.getString("type")) && e.getLong("seq") == second, seconds(10));
    List<String> texts = new ArrayList<>();
    after.events(groupId).stream().filter(e -> "message".equals(e.getString("kind")))
        .forEach(e -> texts.add(e.getString("text")));
    assertEquals(List.of("before the restart", "after the restart"), texts);
    after.close();
  }
}
