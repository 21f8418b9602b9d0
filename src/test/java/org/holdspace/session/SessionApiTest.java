package org.holdspace.session;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Starting and ending sessions over HTTP")
@ExtendWith(TestServerExtension.class)
class SessionApiTest {
  private static TestServer server;
  private static TestServer.Account facilitator;
  private static TestServer.Account member;

  @BeforeAll
  static void start() {
    facilitator = server.newAccount("facilitator", "Dr. Kim");
    member = server.newAccount("member", "Lou");
  }

  private static long newGroup(String protocol, int sessions) {
    long groupId = server.newGroup(facilitator, protocol, sessions).getLong("id");
    server.enrol(facilitator, groupId, member);
    return groupId;
  }

  private static String path(long groupId, String action) {
    return "/api/groups/" + groupId + "/sessions/current/" + action;
  }

  @Test
  @DisplayName("start answers the first session live in its phase, and the group shows it")
  void firstStart() {
    long groupId = newGroup("ipt", 12);
    JsonObject started = server.startSession(facilitator, groupId);
    assertEquals(1, started.getInteger("number"));
    assertEquals("initial", started.getString("phase"));
    assertEquals("live", started.getString("status"));
    JsonObject group = expect(server.get("/api/groups/" + groupId, member.token()), 200);
    assertEquals(1, group.getInteger("currentSession"));
    assertEquals("initial", group.getString("phase"));
  }

  @Test
  @DisplayName("starting while a session is live answers that session again and starts no other")
  void startTwice() {
    long groupId = newGroup("ipt", 12);
    server.startSession(facilitator, groupId);
    JsonObject again = server.startSession(facilitator, groupId);
    assertEquals(1, again.getInteger("number"));
    assertEquals("live", again.getString("status"));
    assertEquals(1, expect(server.get("/api/groups/" + groupId, facilitator.token()), 200)
        .getInteger("currentSession"));
  }

  @Test
  @DisplayName("starts sent at the same moment start one session, and all answer it")
  void concurrentStarts() {
    long groupId = newGroup("ipt", 12);
    WebClient client = server.clientFrom("127.0.0.1");
    List<Future<HttpResponse<Buffer>>> answers = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      answers.add(server.send(client, HttpMethod.POST, path(groupId, "start"), facilitator.token(), null));
    }
    Future.join(answers).await();
    for (Future<HttpResponse<Buffer>> answer : answers) {
      JsonObject started = expect(answer.result(), 200);
      assertEquals(1, started.getInteger("number"));
      assertEquals("live", started.getString("status"));
    }
    assertEquals(1, expect(server.get("/api/groups/" + groupId, facilitator.token()), 200)
        .getInteger("currentSession"));
    client.close();
  }

  @Test
  @DisplayName("end answers the session ended; ending again, or before any start, gets 409")
  void end() {
    long groupId = newGroup("ipt", 12);
    assertEquals("conflict", expect(server.post(path(groupId, "end"), facilitator.token(), null), 409)
        .getString("code"));
    server.startSession(facilitator, groupId);
    JsonObject ended = server.endSession(facilitator, groupId);
    assertEquals(1, ended.getInteger("number"));
    assertEquals("ended", ended.getString("status"));
    assertEquals("conflict", expect(server.post(path(groupId, "end"), facilitator.token(), null), 409)
        .getString("code"));
  }

  @Test
  @DisplayName("sessions run in order through the plan's phases; the clinical phase moves only when told; after the "
      + "last one, start gets 409")
  void wholeCourse() {
    long groupId = newGroup("ipt", 12);
    StringBuilder phases = new StringBuilder();
    for (int n = 1; n <= 12; n++) {
      JsonObject started = server.startSession(facilitator, groupId);
      assertEquals(n, started.getInteger("number"));
      phases.append(started.getString("planPhase").charAt(0));
      assertEquals("initial", started.getString("phase"), "nobody moved the clinical phase");
      JsonObject group = expect(server.get("/api/groups/" + groupId, facilitator.token()), 200);
      assertEquals(started.getString("planPhase"), group.getString("planPhase"));
      assertEquals(started.getString("phase"), group.getString("phase"));
      assertEquals(n, server.endSession(facilitator, groupId).getInteger("number"));
    }
    assertEquals("iiimmmmmmmtt", phases.toString());
    expect(server.post(path(groupId, "start"), facilitator.token(), null), 409);
  }

  @Test
  @DisplayName("a dit course turns to its ending phase at session 13")
  void ditPhases() {
    long groupId = newGroup("dit", 16);
    for (int n = 1; n <= 12; n++) {
      server.startSession(facilitator, groupId);
      server.endSession(facilitator, groupId);
    }
    JsonObject thirteenth = server.startSession(facilitator, groupId);
    assertEquals(13, thirteenth.getInteger("number"));
    assertEquals("termination", thirteenth.getString("planPhase"));
  }

  @Test
  @DisplayName("a member, another facilitator or an admin gets 403; an unknown group 404; no token 401")
  void onlyItsFacilitator() {
    long groupId = newGroup("ipt", 12);
    TestServer.Account other = server.newAccount("facilitator", "Dr. Other");
    for (String action : new String[] {"start", "end"}) {
      assertEquals("forbidden", expect(server.post(path(groupId, action), member.token(), null), 403)
          .getString("code"));
      expect(server.post(path(groupId, action), other.token(), null), 403);
      expect(server.post(path(groupId, action), server.adminToken(), null), 403);
      assertEquals("not_found", expect(server.post(path(999999, action), facilitator.token(), null), 404)
          .getString("code"));
      expect(server.post(path(groupId, action), null, null), 401);
    }
    assertEquals(0, expect(server.get("/api/groups/" + groupId, facilitator.token()), 200)
        .getInteger("currentSession"));
  }
}
