package org.holdspace.clinical;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.holdspace.clinical.MeasuresApiTest.assertBadRequest;
import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@DisplayName("Focus areas and goals over HTTP")
@ExtendWith(TestServerExtension.class)
class FocusApiTest {
  private static TestServer server;

  private static JsonObject focus(String area, String... goals) {
    return new JsonObject().put("area", area).put("goals", new JsonArray(java.util.List.of((Object[]) goals)));
  }

  private static JsonObject ratings(Integer session, long goalId, int rating) {
    JsonObject body = new JsonObject().put("ratings", new JsonArray()
        .add(new JsonObject().put("goalId", goalId).put("rating", rating)));
    return session == null ? body : body.put("session", session);
  }

  @Test
  @DisplayName("only the facilitator sets the focus, with a second area and up to three goals, audited")
  void facilitatorSetsFocus() {
    Cast cast = Cast.of(server, 12);
    JsonObject set = expect(cast.checkFacilitatorOnly(HttpMethod.PUT, cast.memberPath("/focus"),
        who -> focus("role_transition", "find a new walking group", "call my brother weekly")
            .put("secondaryArea", "grief"), 200, "member.focus_set", cast.member.id()), 200);
    assertEquals("role_transition", set.getString("area"));
    assertEquals("grief", set.getString("secondaryArea"));
    assertEquals("find a new walking group", set.getString("goal"), "goal mirrors the first goal");
    assertEquals(2, set.getJsonArray("goals").size());
    JsonObject group = expect(server.get(cast.groupPath(""), cast.facilitator.token()), 200);
    JsonObject ana = group.getJsonArray("members").stream().map(JsonObject.class::cast)
        .filter(m -> m.getLong("id") == cast.member.id()).findFirst().orElseThrow();
    assertEquals("role_transition", ana.getString("focusArea"), "the group view still shows the focus area");
  }

  @Test
  @DisplayName("the contract's {area, goal} still works and becomes a single goal")
  void contractShapeStillWorks() {
    Cast cast = Cast.of(server, 12);
    JsonObject set = expect(server.put(cast.memberPath("/focus"), cast.facilitator.token(),
        new JsonObject().put("area", "grief").put("goal", "visit the grave with my son")), 200);
    assertEquals("grief", set.getString("area"));
    assertEquals("visit the grave with my son", set.getString("goal"));
    assertEquals(1, set.getJsonArray("goals").size());
    assertNull(set.getString("secondaryArea"));
    JsonObject areaOnly = expect(server.put(cast.memberPath("/focus"), cast.facilitator.token(),
        new JsonObject().put("area", "role_dispute")), 200);
    assertEquals("role_dispute", areaOnly.getString("area"));
    assertEquals(1, areaOnly.getJsonArray("goals").size(), "without goal or goals the goals stay");
  }

  @Test
  @DisplayName("the member and the facilitator read the focus and rate goals 0-10 per session; others get 403")
  void readAndRate() {
    Cast cast = Cast.of(server, 12);
    JsonArray goals = expect(server.put(cast.memberPath("/focus"), cast.facilitator.token(),
        focus("interpersonal_deficits", "start one conversation a week", "join a club")), 200).getJsonArray("goals");
    long first = goals.getJsonObject(0).getLong("id");
    long second = goals.getJsonObject(1).getLong("id");
    expect(cast.checkSelfOrFacilitator(HttpMethod.POST, cast.memberPath("/goals/ratings"),
        who -> ratings(who == cast.facilitator ? 2 : 1, first, who == cast.facilitator ? 4 : 2), 201,
        "goal_ratings.write"), 201);
    expect(server.post(cast.memberPath("/goals/ratings"), cast.member.token(), ratings(2, first, 5)), 201);
    expect(server.post(cast.memberPath("/goals/ratings"), cast.member.token(), ratings(null, second, 3)), 201);
    JsonObject read = expect(cast.checkSelfOrFacilitator(HttpMethod.GET, cast.memberPath("/focus"), who -> null, 200,
        "focus.read"), 200);
    JsonArray firstRatings = read.getJsonArray("goals").getJsonObject(0).getJsonArray("ratings");
    assertEquals(2, firstRatings.size(), "rating again at the same session replaces the rating");
    assertEquals(1, firstRatings.getJsonObject(0).getInteger("session"));
    assertEquals(2, firstRatings.getJsonObject(0).getInteger("rating"));
    assertEquals(5, firstRatings.getJsonObject(1).getInteger("rating"));
    assertEquals(0, read.getJsonArray("goals").getJsonObject(1).getJsonArray("ratings").getJsonObject(0)
        .getInteger("session"), "without a session, the current one (none started: 0)");
  }

  @Test
  @DisplayName("goals keep their ratings when kept or reworded by id; left-out goals are removed")
  void goalsKeepTheirRatings() {
    Cast cast = Cast.of(server, 12);
    JsonArray goals = expect(server.put(cast.memberPath("/focus"), cast.facilitator.token(),
        focus("grief", "a", "b", "c")), 200).getJsonArray("goals");
    long a = goals.getJsonObject(0).getLong("id");
    long b = goals.getJsonObject(1).getLong("id");
    expect(server.post(cast.memberPath("/goals/ratings"), cast.member.token(), ratings(1, a, 3)), 201);
    expect(server.post(cast.memberPath("/goals/ratings"), cast.member.token(), ratings(1, b, 6)), 201);
    JsonObject reworded = new JsonObject().put("area", "grief").put("goals", new JsonArray()
        .add(new JsonObject().put("id", b).put("text", "b, said better")).add("a"));
    JsonArray after = expect(server.put(cast.memberPath("/focus"), cast.facilitator.token(), reworded), 200)
        .getJsonArray("goals");
    assertEquals(2, after.size());
    assertEquals(b, after.getJsonObject(0).getLong("id"));
    assertEquals("b, said better", after.getJsonObject(0).getString("text"));
    assertEquals(6, after.getJsonObject(0).getJsonArray("ratings").getJsonObject(0).getInteger("rating"));
    assertEquals(a, after.getJsonObject(1).getLong("id"), "same text, same goal");
    assertEquals(1, after.getJsonObject(1).getJsonArray("ratings").size());
  }

  @Test
  @DisplayName("bad focus and rating bodies get 400 naming the field; an unknown member gets 404")
  void badInput() {
    Cast cast = Cast.of(server, 12);
    String path = cast.memberPath("/focus");
    String token = cast.facilitator.token();
    assertBadRequest(server.put(path, token, focus("grief", "1", "2", "3", "4")), "goals");
    assertBadRequest(server.put(path, token, focus("grief")), "goals");
    assertBadRequest(server.put(path, token, focus("grief", " ")), "goals[0].text");
    assertBadRequest(server.put(path, token, focus("grief", "x").put("secondaryArea", "grief")), "secondaryArea");
    assertBadRequest(server.put(path, token, focus("sadness", "x")), "area");
    assertBadRequest(server.put(path, token, new JsonObject().put("goal", "x")), "area");
    assertBadRequest(server.put(path, token, new JsonObject().put("area", "grief").put("goals", new JsonArray()
        .add(new JsonObject().put("id", 999999).put("text", "x")))), "goals[0].id");
    long goal = expect(server.put(path, token, focus("grief", "x")), 200).getJsonArray("goals").getJsonObject(0)
        .getLong("id");
    String rate = cast.memberPath("/goals/ratings");
    assertBadRequest(server.post(rate, cast.member.token(), ratings(1, goal, 11)), "ratings[0].rating");
    assertBadRequest(server.post(rate, cast.member.token(), ratings(13, goal, 1)), "session");
    assertBadRequest(server.post(rate, cast.member.token(), ratings(1, 999999, 1)), "ratings[0].goalId");
    assertBadRequest(server.post(rate, cast.member.token(), new JsonObject().put("ratings", new JsonArray())),
        "ratings");
    assertEquals(404, server.put("/api/groups/" + cast.groupId + "/members/" + cast.outsider.id() + "/focus", token,
        focus("grief", "x")).statusCode());
  }
}
