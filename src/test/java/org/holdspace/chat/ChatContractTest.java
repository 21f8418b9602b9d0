package org.holdspace.chat;

import io.vertx.core.json.JsonObject;
import org.holdspace.support.ChatClient;
import org.holdspace.support.LiveGroup;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import static org.holdspace.support.ChatClient.seconds;
import static org.holdspace.support.Refusals.errorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The /ws contract")
class ChatContractTest {
  @RegisterExtension
  static final TestServerExtension SERVER =
      TestServerExtension.with(Map.of("allowedOrigins", "https://clinic.example"));
  private static TestServer server;
  @RegisterExtension
  final LiveGroup group = LiveGroup.of("Dr. Ray", "Mia").open(server);
  private final TestServer.Account facilitator = group.facilitator();
  private final TestServer.Account member = group.member(0);
  private final long groupId = group.id();

  @Test
  @DisplayName("a bad token gets unauthenticated and the socket is closed")
  void badToken() {
    ChatClient client = server.connectRaw(Map.of());
    assertEquals("unauthenticated", errorCode(() -> client.hello("not-a-token").await()));
    client.awaitClose(seconds(5));
    client.close();
  }

  @Test
  @DisplayName("silence past 10 seconds without hello gets unauthenticated and a close")
  void noHello() {
    ChatClient client = server.connectRaw(Map.of());
    client.await(f -> "error".equals(f.getString("type")) && "unauthenticated".equals(f.getString("code")),
        seconds(15));
    client.awaitClose(seconds(5));
    client.close();
  }

  @Test
  @DisplayName("a frame other than hello first gets unauthenticated, and hello still works after it")
  void commandBeforeHello() {
    ChatClient client = server.connectRaw(Map.of());
    assertEquals("unauthenticated", errorCode(() -> client.join(groupId, null).await()));
    assertEquals(member.id(), client.hello(member.token()).await().getJsonObject("user").getLong("id"));
    client.close();
  }

  @Test
  @DisplayName("a browser from another site is refused before the upgrade; the own and configured origins pass")
  void originCheck() {
    assertThrows(RuntimeException.class, () -> server.connectRaw(Map.of("Origin", "https://evil.example")));
    String own = "http://127.0.0.1:" + server.port();
    server.connectRaw(Map.of("Origin", own)).close();
    server.connectRaw(Map.of("Origin", "https://clinic.example")).close();
  }

  @Test
  @DisplayName("joining another group is forbidden and an unknown group is not found")
  void joinChecks() {
    TestServer.Account otherFacilitator = server.newAccount("facilitator", "Dr. Other");
    long otherGroup = server.newGroup(otherFacilitator, "ipt", 12).getLong("id");
    ChatClient client = server.connect(member);
    assertEquals("forbidden", errorCode(() -> client.join(otherGroup, null).await()));
    assertEquals("not_found", errorCode(() -> client.join(999_999, null).await()));
    assertEquals("forbidden", errorCode(() -> client.say(otherGroup, "hi", null).await()));
    client.close();
  }

  @Test
  @DisplayName("members cannot talk before the session starts or after it ends; the facilitator can")
  void notLive() {
    ChatClient m = server.connect(member);
    ChatClient f = server.connect(facilitator);
    m.join(groupId, null).await();
    assertEquals("not_live", errorCode(() -> m.say(groupId, "early", null).await()));
    assertTrue(f.say(groupId, "Welcome, we start in five minutes", null).await() > 0);
    server.startSession(facilitator, groupId);
    assertTrue(m.say(groupId, "hello", null).await() > 0);
    server.endSession(facilitator, groupId);
    assertEquals("not_live", errorCode(() -> m.say(groupId, "late", null).await()));
    m.close();
    f.close();
  }

  @Test
  @DisplayName("a repeated clientId gets the first seq and is not broadcast twice")
  void idempotentClientId() {
    server.startSession(facilitator, groupId);
    ChatClient m = server.connect(member);
    ChatClient f = server.connect(facilitator);
    m.join(groupId, null).await();
    f.join(groupId, null).await();
    long first = m.say(groupId, "once", "client-1").await();
    long again = m.say(groupId, "once", "client-1").await();
    assertEquals(first, again);
    long next = m.say(groupId, "next", "client-2").await();
    f.await(e -> "event".equals(e.getString("type")) && e.getLong("seq") == next, seconds(5));
    long copies = f.events(groupId).stream().filter(e -> "client-1".equals(e.getString("clientId"))).count();
    assertEquals(1, copies);
    m.close();
    f.close();
  }

  @Test
  @DisplayName("a reconnect with after gets exactly the events it missed, then live ones")
  void resumeWithAfter() {
    server.startSession(facilitator, groupId);
    ChatClient m = server.connect(member);
    ChatClient f = server.connect(facilitator);
    m.join(groupId, null).await();
    f.join(groupId, null).await();
    long seen = m.say(groupId, "before the drop", null).await();
    m.await(e -> "event".equals(e.getString("type")) && e.getLong("seq") == seen, seconds(5));
    m.close();
    long a = f.say(groupId, "missed one", null).await();
    long b = f.say(groupId, "missed two", null).await();
    ChatClient back = server.connect(member);
    JsonObject joined = back.join(groupId, seen).await();
    assertTrue(joined.getLong("lastSeq") >= b);
    long c = f.say(groupId, "live again", null).await();
    back.await(e -> "event".equals(e.getString("type")) && e.getLong("seq") == c, seconds(5));
    List<Long> seqs = back.events(groupId).stream().map(e -> e.getLong("seq")).toList();
    assertEquals(seen + 1, seqs.get(0));
    for (int i = 1; i < seqs.size(); i++) {
      assertEquals(seqs.get(i - 1) + 1, seqs.get(i), "no gap and no duplicate: " + seqs);
    }
    assertTrue(seqs.contains(a) && seqs.contains(b) && seqs.contains(c));
    back.close();
    f.close();
  }

  @Test
  @DisplayName("text limits: 4,000 characters pass, 4,001 get too_large")
  void textLimit() {
    server.startSession(facilitator, groupId);
    ChatClient m = server.connect(member);
    assertTrue(m.say(groupId, "é".repeat(4000), null).await() > 0);
    assertEquals("too_large", errorCode(() -> m.say(groupId, "x".repeat(4001), null).await()));
    m.close();
  }

  @Test
  @DisplayName("20 messages in 10 seconds pass, the 21st gets rate_limited")
  void messageRate() {
    server.startSession(facilitator, groupId);
    ChatClient m = server.connect(member);
    for (int i = 0; i < 20; i++) {
      m.say(groupId, "message " + i, null).await();
    }
    assertEquals("rate_limited", errorCode(() -> m.say(groupId, "one too many", null).await()));
    m.close();
  }

  @Test
  @DisplayName("bad frames get bad_frame naming the field, keep the socket open and change nothing")
  void badFrames() {
    server.startSession(facilitator, groupId);
    ChatClient m = server.connect(member);
    long lastSeq = m.join(groupId, null).await().getLong("lastSeq");
    m.sendRaw("not json");
    m.await(f -> "error".equals(f.getString("type")) && f.getString("message").startsWith("frame:"), seconds(5));
    assertEquals("bad_frame", errorCode(() -> m.request(new JsonObject().put("type", "dance")).await()));
    ChatClient.ErrorFrame missing = (ChatClient.ErrorFrame) assertThrows(CompletionException.class,
        () -> m.request(new JsonObject().put("type", "say").put("groupId", groupId)).toCompletionStage()
            .toCompletableFuture().join()).getCause();
    assertEquals("bad_frame", missing.code());
    assertTrue(missing.frame().getString("message").startsWith("text:"), missing.frame().encode());
    ChatClient.ErrorFrame mistyped = (ChatClient.ErrorFrame) assertThrows(CompletionException.class,
        () -> m.request(new JsonObject().put("type", "say").put("groupId", "seven").put("text", "x"))
            .toCompletionStage().toCompletableFuture().join()).getCause();
    assertTrue(mistyped.frame().getString("message").startsWith("groupId:"), mistyped.frame().encode());
    assertEquals("bad_frame", errorCode(() -> m.say(groupId, "nul \u0000 inside", "nul-1").await()));
    assertFalse(m.isClosed());
    ChatClient other = server.connect(facilitator);
    assertEquals(lastSeq + 1, other.join(groupId, null).await().getLong("lastSeq"),
        "only the facilitator's own join event was added");
    m.close();
    other.close();
  }

  @Test
  @DisplayName("typing is relayed to the others, not to the sender, and never stored")
  void typing() {
    server.startSession(facilitator, groupId);
    ChatClient m = server.connect(member);
    ChatClient f = server.connect(facilitator);
    m.join(groupId, null).await();
    f.join(groupId, null).await();
    m.sendRaw(new JsonObject().put("type", "typing").put("groupId", groupId).encode());
    JsonObject typing = f.await(e -> "typing".equals(e.getString("type")), seconds(5));
    assertEquals(member.id(), typing.getJsonObject("from").getLong("id"));
    long seq = f.say(groupId, "after typing", null).await();
    var events = TestServer.expect(server.get("/api/groups/" + groupId + "/events?limit=1000", facilitator.token()),
        200).getJsonArray("events");
    for (int i = 0; i < events.size(); i++) {
      assertEquals(i + 1, events.getJsonObject(i).getLong("seq"), "the log has no gap");
      assertFalse("typing".equals(events.getJsonObject(i).getString("kind")));
    }
    assertEquals(seq, events.getJsonObject(events.size() - 1).getLong("seq"));
    assertTrue(m.received().stream().noneMatch(e -> "typing".equals(e.getString("type"))));
    m.close();
    f.close();
  }

  @Test
  @DisplayName("presence: join and leave are events, and joined lists who is present")
  void presence() {
    ChatClient f = server.connect(facilitator);
    f.join(groupId, null).await();
    ChatClient m = server.connect(member);
    JsonObject joined = m.join(groupId, null).await();
    assertTrue(joined.getJsonObject("state").getJsonArray("present").stream()
        .anyMatch(id -> ((Number) id).longValue() == facilitator.id()), joined.encode());
    f.await(e -> "event".equals(e.getString("type")) && "join".equals(e.getString("kind"))
        && e.getLong("userId") == member.id(), seconds(5));
    assertNull(m.request(new JsonObject().put("type", "leave").put("groupId", groupId)).await().getLong("seq"));
    f.await(e -> "event".equals(e.getString("type")) && "leave".equals(e.getString("kind"))
        && e.getLong("userId") == member.id(), seconds(5));
    m.close();
    f.close();
  }

  @Test
  @DisplayName("too many joins on one socket get rate_limited")
  void joinLimit() {
    ChatClient m = server.connect(member);
    for (int i = 0; i < server.config().chatLimits().joinsPerSocket(); i++) {
      m.join(groupId, null).await();
    }
    assertEquals("rate_limited", errorCode(() -> m.join(groupId, null).await()));
    m.close();
  }

  @Test
  @DisplayName("the history call pages the log for the group's people only")
  void history() {
    server.startSession(facilitator, groupId);
    ChatClient m = server.connect(member);
    long seq = m.say(groupId, "for the record", null).await();
    JsonObject page = TestServer.expect(server.get("/api/groups/" + groupId + "/events?after=0&limit=50",
        facilitator.token()), 200);
    assertTrue(page.getJsonArray("events").stream().map(JsonObject.class::cast)
        .anyMatch(e -> e.getLong("seq") == seq && "for the record".equals(e.getString("text"))));
    TestServer.Account stranger = server.newAccount("member", "Stranger");
    assertEquals(403, server.get("/api/groups/" + groupId + "/events", stranger.token()).statusCode());
    assertEquals(400, server.get("/api/groups/" + groupId + "/events?limit=abc", member.token()).statusCode());
    m.close();
  }
}
