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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.holdspace.support.ChatClient.seconds;
import static org.holdspace.support.Refusals.errorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every member frame costs from the member's message budget (20 per 10 seconds by default), typing hints are relayed
 * at most once a second per account whatever the number of its sockets, and an account has at most 10 sockets open.
 */
@ExtendWith(TestServerExtension.class)
@DisplayName("A member's frame budget and socket cap")
class FrameBudgetTest {
  static TestServer server;
  @RegisterExtension
  final LiveGroup group = LiveGroup.of("Dr. Budget", 1).started();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"raise_hand", "lower_hand", "whisper", "report", "pass", "say"})
  @DisplayName("a flood of member frames gets rate_limited past the message budget")
  void floods(String type) {
    group.open(server);
    ChatClient member = group.joined(group.member(0));
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      JsonObject frame = group.frame(type).put("text", "text " + i).put("seq", 1).put("reason", "r");
      try {
        member.request(frame).await();
        codes.add("ok");
      } catch (RuntimeException e) {
        Throwable cause = e.getCause() != null && !(e instanceof ChatClient.ErrorFrame) ? e.getCause() : e;
        codes.add(cause instanceof ChatClient.ErrorFrame error ? error.code() : cause.toString());
      }
    }
    assertEquals(5, codes.stream().filter("rate_limited"::equals).count(), codes.toString());
    assertTrue(codes.subList(20, 25).stream().allMatch("rate_limited"::equals), codes.toString());
  }

  @Test
  @DisplayName("typing from several sockets of one account is relayed once a second")
  void typingPerAccount() throws InterruptedException {
    group.open(server);
    ChatClient facilitator = group.joined(group.facilitator());
    ChatClient first = group.joined(group.member(0));
    ChatClient second = group.joined(group.member(0));
    for (int i = 0; i < 10; i++) {
      (i % 2 == 0 ? first : second).sendRaw(group.frame("typing").encode()).await();
    }
    first.request(group.frame("leave").put("groupId", 0)).otherwise(new JsonObject()).await();
    Thread.sleep(500);
    long typing = facilitator.received().stream().filter(f -> "typing".equals(f.getString("type"))).count();
    assertEquals(1, typing, facilitator.received().toString());
  }

  @Test
  @DisplayName("the 11th socket of an account is refused with rate_limited and closed")
  void socketCap() {
    group.open(server);
    TestServer.Account member = group.member(0);
    for (int i = 0; i < 10; i++) {
      group.connect(member);
    }
    ChatClient eleventh = ChatClient.connect(server.clientVertx(), server.port()).await();
    assertEquals("rate_limited", errorCode(() -> eleventh.hello(member.token()).await()));
    eleventh.awaitClose(seconds(5));
    group.close();
    long deadline = System.currentTimeMillis() + 5000;
    while (true) {
      ChatClient again = ChatClient.connect(server.clientVertx(), server.port()).await();
      try {
        again.hello(member.token()).await();
        again.close();
        return;
      } catch (RuntimeException e) {
        again.close();
        assertTrue(System.currentTimeMillis() < deadline, "closed sockets give their places back");
      }
    }
  }
}
