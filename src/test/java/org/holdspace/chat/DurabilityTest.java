package org.holdspace.chat;

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

import static org.holdspace.support.ChatClient.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Acknowledged messages")
@ExtendWith(TestServerExtension.class)
class DurabilityTest {
  private static TestServer server;
  @RegisterExtension
  final LiveGroup group = LiveGroup.of("Dr. Kim", "Noa").started().open(server);

  @Test
  @DisplayName("survive a server restart between two messages, in order and with their seqs")
  void surviveRestart() {
    TestServer.Account member = group.member(0);
    long groupId = group.id();
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
