package org.holdspace.clinical;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.holdspace.support.ChatClient;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.holdspace.support.ChatClient.seconds;
import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("PHQ-9 and GAD-7 over HTTP")
@ExtendWith(TestServerExtension.class)
class MeasuresApiTest {
  private static TestServer server;

  private static JsonObject phq9(int... answers) {
    return new JsonObject().put("instrument", "phq9").put("answers", new JsonArray(java.util.Arrays.stream(answers)
        .boxed().toList()));
  }

  @Test
  @DisplayName("the member and the facilitator may record and read the member's questionnaires; others get 403")
  void whoMayRecordAndRead() {
    Cast cast = Cast.of(server, 12);
    JsonObject created = expect(cast.checkSelfOrFacilitator(HttpMethod.POST, cast.memberPath("/measures"),
        who -> phq9(1, 1, 1, 1, 1, 1, 1, 1, 0), 201, "measure.write"), 201);
    assertEquals(8, created.getInteger("total"));
    JsonArray list = cast.checkSelfOrFacilitator(HttpMethod.GET, cast.memberPath("/measures"), who -> null, 200,
        "measures.read").bodyAsJsonArray();
    assertEquals(2, list.size(), "the member's and the facilitator's entries");
    assertEquals(403, server.get("/api/groups/" + cast.groupId + "/members/" + cast.member.id() + "/measures",
        server.newAccount("member", "Stranger").token()).statusCode(), "a member of no group");
    assertEquals(401, server.get(cast.memberPath("/measures"), null).statusCode());
  }

  @Test
  @DisplayName("a questionnaire is scored by the server and listed oldest first with its session")
  void scoredAndListed() {
    Cast cast = Cast.of(server, 12);
    JsonObject first = expect(server.post(cast.memberPath("/measures"), cast.member.token(),
        phq9(3, 3, 2, 2, 2, 2, 2, 2, 0).put("session", 0)), 201);
    assertEquals("phq9", first.getString("instrument"));
    assertEquals(18, first.getInteger("total"));
    assertEquals("moderately_severe", first.getString("severity"));
    assertTrue(first.getLong("id") > 0);
    assertTrue(first.getString("at").endsWith("Z"), first.getString("at"));
    JsonObject second = expect(server.post(cast.memberPath("/measures"), cast.member.token(),
        phq9(1, 1, 1, 0, 0, 0, 0, 0, 0).put("session", 1)), 201);
    assertEquals("minimal", second.getString("severity"));
    JsonObject gad = expect(server.post(cast.memberPath("/measures"), cast.member.token(), new JsonObject()
        .put("instrument", "gad7").put("answers", new JsonArray().add(3).add(3).add(3).add(2).add(2).add(1).add(1))), 201);
    assertEquals(15, gad.getInteger("total"));
    assertEquals("severe", gad.getString("severity"));
    assertEquals(0, gad.getInteger("session"), "without a session, the group's current session (none yet: 0)");
    JsonArray list = expect200Array(server.get(cast.memberPath("/measures"), cast.member.token()));
    assertEquals(3, list.size());
    assertEquals(first.getLong("id"), list.getJsonObject(0).getLong("id"));
    assertEquals(0, list.getJsonObject(0).getInteger("session"));
    assertEquals(second.getLong("id"), list.getJsonObject(1).getLong("id"));
    assertEquals(1, list.getJsonObject(1).getInteger("session"));
    assertEquals("gad7", list.getJsonObject(2).getString("instrument"));
  }

  @Test
  @DisplayName("incomplete or out-of-range questionnaires get 400 naming the field, and nothing is stored")
  void badInput() {
    Cast cast = Cast.of(server, 12);
    String path = cast.memberPath("/measures");
    String token = cast.member.token();
    assertBadRequest(server.post(path, token, phq9(1, 1, 1, 1, 1, 1, 1, 1)), "answers");
    assertBadRequest(server.post(path, token, phq9(1, 1, 1, 1, 4, 1, 1, 1, 1)), "answers");
    assertBadRequest(server.post(path, token, new JsonObject().put("instrument", "phq9")
        .put("answers", new JsonArray().add(1).add(1).add("1").add(1).add(1).add(1).add(1).add(1).add(1))), "answers");
    assertBadRequest(server.post(path, token, new JsonObject().put("instrument", "phq9")
        .put("answers", new JsonArray().add(1).add(1).add(0.5).add(1).add(1).add(1).add(1).add(1).add(1))), "answers");
    assertBadRequest(server.post(path, token, phq9(0, 0, 0, 0, 0, 0, 0, 0, 0).put("instrument", "bdi")), "instrument");
    assertBadRequest(server.post(path, token, phq9(0, 0, 0, 0, 0, 0, 0, 0, 0).put("session", 13)), "session");
    assertBadRequest(server.post(path, token, phq9(0, 0, 0, 0, 0, 0, 0, 0, 0).put("session", -1)), "session");
    assertBadRequest(server.post(path, token, "[1,2"), "body");
    assertBadRequest(server.post(path, token, null), "body");
    assertEquals(0, expect200Array(server.get(path, token)).size());
    assertEquals(404, server.post("/api/groups/" + cast.groupId + "/members/" + cast.outsider.id() + "/measures",
        cast.facilitator.token(), phq9(0, 0, 0, 0, 0, 0, 0, 0, 0)).statusCode(), "not a member of this group");
  }

  @Test
  @DisplayName("an item-9 answer alerts the facilitator's socket within a second, and no member's socket")
  void item9AlertsFacilitatorsOnly() {
    Cast cast = Cast.of(server, 12);
    ChatClient facilitatorSocket = server.connect(cast.facilitator);
    ChatClient memberSocket = server.connect(cast.member);
    ChatClient peerSocket = server.connect(cast.peer);
    for (ChatClient c : new ChatClient[] {facilitatorSocket, memberSocket, peerSocket}) {
      c.join(cast.groupId, null).await();
    }
    // A questionnaire without item 9 first: it raises nothing, and the path is warm as on a running server.
    expect(server.post(cast.memberPath("/measures"), cast.member.token(), phq9(3, 3, 3, 3, 3, 3, 3, 3, 0)), 201);
    long startedAt = System.nanoTime();
    JsonObject measure = expect(server.post(cast.memberPath("/measures"), cast.member.token(),
        phq9(0, 0, 0, 0, 0, 0, 0, 0, 1)), 201);
    Duration left = Duration.ofSeconds(1).minusNanos(System.nanoTime() - startedAt);
    JsonObject alert = facilitatorSocket.await(f -> "alert".equals(f.getString("type")),
        left.isNegative() ? Duration.ofMillis(1) : left);
    long latencyMillis = (System.nanoTime() - startedAt) / 1_000_000;
    assertTrue(latencyMillis < 1000, "alert after " + latencyMillis + " ms");
    assertEquals(cast.groupId, alert.getLong("groupId"));
    JsonObject body = alert.getJsonObject("alert");
    assertEquals("phq9_item9", body.getString("kind"));
    assertEquals(cast.member.id(), body.getLong("userId"));
    assertEquals(measure.getLong("id"), body.getJsonObject("ref").getLong("measureId"));

    // An event published after the alert reaches the members' sockets after it would have: then none may hold one.
    server.startSession(cast.facilitator, cast.groupId);
    for (ChatClient c : new ChatClient[] {memberSocket, peerSocket}) {
      c.await(f -> "session_started".equals(f.getString("kind")), seconds(5));
      assertFalse(c.received().stream().anyMatch(f -> "alert".equals(f.getString("type"))), "members see no alert");
    }
    JsonArray alerts = expect200Array(server.get(cast.groupPath("/alerts"), cast.facilitator.token()));
    assertEquals(1, alerts.size(), "one alert: a high total without item 9 raised none");
    assertEquals(body.getLong("id"), alerts.getJsonObject(0).getLong("id"));
    assertEquals(measure.getLong("id"), alerts.getJsonObject(0).getJsonObject("ref").getLong("measureId"));
    facilitatorSocket.close();
    memberSocket.close();
    peerSocket.close();
  }

  static JsonArray expect200Array(io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> response) {
    assertEquals(200, response.statusCode(), response::bodyAsString);
    return response.bodyAsJsonArray();
  }

  static void assertBadRequest(io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> response,
                               String field) {
    assertEquals(400, response.statusCode(), response::bodyAsString);
    JsonObject body = response.bodyAsJsonObject();
    assertEquals("bad_request", body.getString("code"));
    assertTrue(body.getString("message").startsWith(field), body.getString("message"));
  }
}
