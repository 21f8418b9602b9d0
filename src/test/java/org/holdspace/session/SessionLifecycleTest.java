package org.holdspace.session;

import io.vertx.core.json.JsonObject;
import org.holdspace.support.ChatClient;
import org.holdspace.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.holdspace.support.ChatClient.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("A session's life")
class SessionLifecycleTest {
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
  @DisplayName("waiting room, start and end over the socket, and attendance recorded from the events")
  void waitingRoomToAttendance() {
    TestServer.Account facilitator = server.newAccount("facilitator", "Dr. Sol");
    TestServer.Account member = server.newAccount("member", "Ivy");
    long groupId = server.newGroup(facilitator, "ipt", 12).getLong("id");
    server.enrol(facilitator, groupId, member);
    ChatClient f = server.connect(facilitator);
    f.join(groupId, null).await();
    ChatClient m = server.connect(member);
    JsonObject waiting = m.join(groupId, null).await();
    assertEquals("planned", waiting.getJsonObject("session").getString("status"));
    assertTrue(waiting.getJsonObject("state").getJsonArray("present").stream()
        .anyMatch(id -> ((Number) id).longValue() == facilitator.id()), "the member sees who is there");

    long started = f.request(new JsonObject().put("type", "start_session").put("groupId", groupId)).await()
        .getLong("seq");
    JsonObject event = m.await(e -> "event".equals(e.getString("type")) && e.getLong("seq") == started, seconds(5));
    assertEquals("session_started", event.getString("kind"));
    assertEquals(1, event.getInteger("number"));
    assertEquals("initial", event.getString("phase"));
    m.say(groupId, "glad to be here", null).await();
    f.request(new JsonObject().put("type", "end_session").put("groupId", groupId)).await();

    JsonObject attendance = TestServer.expect(server.get("/api/groups/" + groupId + "/attendance",
        facilitator.token()), 200);
    JsonObject first = attendance.getJsonArray("sessions").getJsonObject(0);
    assertEquals(1, first.getInteger("number"));
    JsonObject ivy = first.getJsonArray("attendees").getJsonObject(0);
    assertEquals(member.id(), ivy.getLong("userId"));
    assertEquals(false, ivy.getBoolean("late"));
    assertEquals(false, ivy.getBoolean("leftEarly"));
    assertEquals(403, server.get("/api/groups/" + groupId + "/attendance", member.token()).statusCode());
    JsonObject group = TestServer.expect(server.get("/api/groups/" + groupId, member.token()), 200);
    assertEquals(1, group.getInteger("currentSession"));
    assertEquals("ended", group.getString("sessionStatus"));
    m.close();
    f.close();
  }
}
