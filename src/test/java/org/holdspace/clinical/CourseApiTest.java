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

import static org.holdspace.clinical.MeasuresApiTest.assertBadRequest;
import static org.holdspace.support.ChatClient.seconds;
import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("A group's clinical settings and phase over HTTP")
@ExtendWith(TestServerExtension.class)
class CourseApiTest {
  private static TestServer server;

  private static void setFocus(Cast cast, TestServer.Account member, String area) {
    expect(server.put("/api/groups/" + cast.groupId + "/members/" + member.id() + "/focus", cast.facilitator.token(),
        new JsonObject().put("area", area)), 200);
  }

  @Test
  @DisplayName("the group's people read its course; another group's facilitator gets 403; a facilitator's read is audited")
  void readCourse() {
    Cast cast = Cast.of(server, 12);
    long audited = AuditProbe.count(server, cast.groupId, "clinical.read");
    assertEquals(403, server.get(cast.groupPath("/clinical"), cast.outsider.token()).statusCode());
    JsonObject seen = expect(server.get(cast.groupPath("/clinical"), cast.member.token()), 200);
    expect(server.get(cast.groupPath("/clinical"), cast.peer.token()), 200);
    assertEquals(audited, AuditProbe.count(server, cast.groupId, "clinical.read"));
    expect(server.get(cast.groupPath("/clinical"), cast.facilitator.token()), 200);
    assertEquals(audited + 1, AuditProbe.countBy(server, cast.groupId, "clinical.read", cast.facilitator.id(), null));
    assertEquals("initial", seen.getString("phase"));
    assertEquals("initial", seen.getString("planPhase"));
    assertFalse(seen.getBoolean("behindPlan"));
    assertEquals(4, seen.getInteger("measureEvery"));
    assertFalse(seen.getBoolean("gad7"));
    assertEquals(new JsonArray().add(0).add(4).add(8).add(12), seen.getJsonArray("measurePoints"));
    assertEquals(0, seen.getJsonArray("phaseHistory").size());
  }

  @Test
  @DisplayName("only the facilitator sets the questionnaire cadence and GAD-7, audited; bad values get 400")
  void settings() {
    Cast cast = Cast.of(server, 14);
    JsonObject saved = expect(cast.checkFacilitatorOnly(HttpMethod.PUT, cast.groupPath("/clinical"),
        who -> new JsonObject().put("measureEvery", 3).put("gad7", true), 200, "clinical.settings", null), 200);
    assertEquals(new JsonArray().add(0).add(3).add(6).add(9).add(12).add(14), saved.getJsonArray("measurePoints"));
    assertTrue(saved.getBoolean("gad7"));
    JsonObject partial = expect(server.put(cast.groupPath("/clinical"), cast.facilitator.token(),
        new JsonObject().put("gad7", false)), 200);
    assertEquals(3, partial.getInteger("measureEvery"), "a field left out keeps its value");
    assertFalse(partial.getBoolean("gad7"));
    assertBadRequest(server.put(cast.groupPath("/clinical"), cast.facilitator.token(),
        new JsonObject().put("measureEvery", 17)), "measureEvery");
    assertBadRequest(server.put(cast.groupPath("/clinical"), cast.facilitator.token(),
        new JsonObject().put("gad7", "yes")), "gad7");
    assertBadRequest(server.put(cast.groupPath("/clinical"), cast.facilitator.token(), new JsonObject()), "body");
  }

  @Test
  @DisplayName("the middle phase waits for every member's focus area, then every socket sees phase_changed")
  void middleNeedsFocusAreas() {
    Cast cast = Cast.of(server, 12);
    setFocus(cast, cast.member, "grief");
    var refused = server.post(cast.groupPath("/phase"), cast.facilitator.token(), new JsonObject().put("phase", "middle"));
    assertEquals(409, refused.statusCode());
    assertEquals("conflict", refused.bodyAsJsonObject().getString("code"));
    assertTrue(refused.bodyAsJsonObject().getString("message").contains("[" + cast.peer.id() + "]"),
        refused.bodyAsString());
    assertEquals("initial", expect(server.get(cast.groupPath("/clinical"), cast.member.token()), 200)
        .getString("phase"), "a refused move changes nothing");

    ChatClient memberSocket = server.connect(cast.member);
    memberSocket.join(cast.groupId, null).await();
    setFocus(cast, cast.peer, "role_transition");
    JsonObject moved = expect(cast.checkFacilitatorOnly(HttpMethod.POST, cast.groupPath("/phase"),
        who -> new JsonObject().put("phase", "middle"), 200, "phase.change", null), 200);
    assertEquals("middle", moved.getString("phase"));
    assertFalse(moved.getBoolean("override"));
    JsonObject event = memberSocket.await(f -> "phase_changed".equals(f.getString("kind")), seconds(5));
    assertEquals("middle", event.getString("phase"));
    assertEquals(moved.getLong("seq"), event.getLong("seq"));
    assertEquals(cast.facilitator.id(), event.getJsonObject("from").getLong("id"));
    JsonObject course = expect(server.get(cast.groupPath("/clinical"), cast.member.token()), 200);
    assertEquals("middle", course.getString("phase"));
    assertEquals("initial", course.getString("planPhase"), "the plan still says initial: the group moved early");
    assertEquals(1, course.getJsonArray("phaseHistory").size());
    memberSocket.close();
  }

  @Test
  @DisplayName("a facilitator may start the middle phase anyway with a reason, which members never see nor the audit holds")
  void overrideWithReason() {
    Cast cast = Cast.of(server, 12);
    String reason = "Ben chooses his area in session four, agreed in supervision";
    JsonObject moved = expect(server.post(cast.groupPath("/phase"), cast.facilitator.token(),
        new JsonObject().put("phase", "middle").put("overrideReason", reason)), 200);
    assertTrue(moved.getBoolean("override"));
    JsonObject change = expect(server.get(cast.groupPath("/clinical"), cast.facilitator.token()), 200)
        .getJsonArray("phaseHistory").getJsonObject(0);
    assertEquals(reason, change.getString("overrideReason"));
    assertTrue(change.getBoolean("override"));
    JsonObject memberView = expect(server.get(cast.groupPath("/clinical"), cast.member.token()), 200)
        .getJsonArray("phaseHistory").getJsonObject(0);
    assertTrue(memberView.getBoolean("override"));
    assertFalse(memberView.containsKey("overrideReason"));
    assertEquals(1, AuditProbe.countBy(server, cast.groupId, "phase.change", cast.facilitator.id(), null));
    assertTrue(AuditProbe.details(server, cast.groupId).stream().noneMatch(d -> d.contains("supervision")));
    var events = expect(server.get(cast.groupPath("/events"), cast.member.token()), 200).getJsonArray("events");
    assertFalse(events.encode().contains("supervision"), "the reason stays out of the group log");
  }

  @Test
  @DisplayName("phases go forward one at a time; other moves get 409 and bad bodies 400")
  void forwardOnly() {
    Cast cast = Cast.of(server, 12);
    String path = cast.groupPath("/phase");
    String token = cast.facilitator.token();
    assertEquals(409, server.post(path, token, new JsonObject().put("phase", "termination")).statusCode());
    assertEquals(409, server.post(path, token, new JsonObject().put("phase", "initial")).statusCode());
    setFocus(cast, cast.member, "role_dispute");
    setFocus(cast, cast.peer, "interpersonal_deficits");
    expect(server.post(path, token, new JsonObject().put("phase", "middle")), 200);
    assertEquals(409, server.post(path, token, new JsonObject().put("phase", "initial")).statusCode());
    expect(server.post(path, token, new JsonObject().put("phase", "termination").put("overrideReason", "ends early")),
        200);
    assertEquals(409, server.post(path, token, new JsonObject().put("phase", "termination")).statusCode());
    assertBadRequest(server.post(path, token, new JsonObject().put("phase", "ending")), "phase");
    assertBadRequest(server.post(path, token, new JsonObject()), "phase");
    assertEquals(404, server.post("/api/groups/999999/phase", token, new JsonObject().put("phase", "middle"))
        .statusCode());
    assertEquals("termination", expect(server.get(cast.groupPath("/clinical"), token), 200).getString("phase"));
  }
}
