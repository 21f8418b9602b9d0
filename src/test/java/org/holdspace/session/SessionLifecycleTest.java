package org.holdspace.session;

import io.vertx.core.json.JsonObject;
import org.holdspace.support.ChatClient;
import org.holdspace.support.LiveGroup;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.holdspace.support.ChatClient.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("A session's life")
@ExtendWith(TestServerExtension.class)
class SessionLifecycleTest {
  private static TestServer server;
  @RegisterExtension
  final LiveGroup group = LiveGroup.of("Dr. Sol", "Ivy").open(server);

  @Test
  @DisplayName("waiting room, start and end over the socket, and attendance recorded from the events")
  void waitingRoomToAttendance() {
    TestServer.Account facilitator = group.facilitator();
    TestServer.Account member = group.member(0);
    long groupId = group.id();
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
