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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Homework between sessions over HTTP")
@ExtendWith(TestServerExtension.class)
class HomeworkApiTest {
  private static TestServer server;

  private static JsonObject work(String text) {
    return new JsonObject().put("text", text);
  }

  @Test
  @DisplayName("the member and the facilitator set, read and complete the member's homework; others get 403")
  void whoMay() {
    Cast cast = Cast.of(server, 12);
    JsonObject set = expect(cast.checkSelfOrFacilitator(HttpMethod.POST, cast.memberPath("/homework"),
        who -> work("notice one moment of closeness with my partner"), 201, "homework.write"), 201);
    assertEquals(cast.facilitator.id(), set.getLong("setBy"));
    assertEquals(1, set.getInteger("dueSession"), "before the course starts, due at session 1");
    assertEquals("due", set.getString("status"));
    JsonObject listed = expect(cast.checkSelfOrFacilitator(HttpMethod.GET, cast.memberPath("/homework"),
        who -> null, 200, "homework.read"), 200);
    assertEquals(2, listed.getJsonArray("items").size());
    assertEquals(1, listed.getInteger("upcomingSession"));
    JsonObject done = expect(cast.checkSelfOrFacilitator(HttpMethod.POST,
        cast.memberPath("/homework/" + set.getLong("id") + "/done"),
        who -> new JsonObject().put("note", "noted by " + who.displayName()), 200, "homework.done"), 200);
    assertTrue(done.getBoolean("done"));
    assertEquals("done", done.getString("status"));
    assertNotNull(done.getString("doneAt"));
    assertEquals("noted by Dr. Okafor", done.getString("note"), "the latest note is kept");
  }

  @Test
  @DisplayName("work set during a session is due at the next, due when that comes, overdue once it has passed")
  void dueThenOverdue() {
    Cast cast = Cast.of(server, 12);
    server.startSession(cast.facilitator, cast.groupId);
    JsonObject set = expect(server.post(cast.memberPath("/homework"), cast.facilitator.token(),
        work("write down one disagreement")), 201);
    assertEquals(1, set.getInteger("setAtSession"));
    assertEquals(2, set.getInteger("dueSession"));
    assertEquals("open", set.getString("status"));
    server.endSession(cast.facilitator, cast.groupId);
    assertEquals("due", onlyItem(cast).getString("status"), "the next session shows it as due");
    server.startSession(cast.facilitator, cast.groupId);
    assertEquals("due", onlyItem(cast).getString("status"));
    server.endSession(cast.facilitator, cast.groupId);
    assertEquals("overdue", onlyItem(cast).getString("status"));
    expect(server.post(cast.memberPath("/homework/" + set.getLong("id") + "/done"), cast.member.token(), null), 200);
    assertEquals("done", onlyItem(cast).getString("status"));
  }

  @Test
  @DisplayName("facilitators see what is due across the group at a session; nobody else may, and the read is audited")
  void groupView() {
    Cast cast = Cast.of(server, 12);
    expect(server.post(cast.memberPath("/homework"), cast.member.token(), work("a").put("dueSession", 2)), 201);
    expect(server.post(cast.memberPath("/homework"), cast.member.token(), work("b").put("dueSession", 3)), 201);
    expect(server.post("/api/groups/" + cast.groupId + "/members/" + cast.peer.id() + "/homework",
        cast.facilitator.token(), work("c").put("dueSession", 1)), 201);
    JsonObject due = expect(cast.checkFacilitatorOnly(HttpMethod.GET, cast.groupPath("/homework/due?session=2"),
        who -> null, 200, "homework.read_group", null), 200);
    assertEquals(2, due.getInteger("session"));
    JsonArray members = due.getJsonArray("members");
    assertEquals(2, members.size());
    JsonObject ana = members.getJsonObject(0);
    assertEquals(cast.member.id(), ana.getLong("userId"));
    assertEquals(1, ana.getJsonArray("items").size());
    assertEquals("a", ana.getJsonArray("items").getJsonObject(0).getString("text"));
    JsonObject ben = members.getJsonObject(1);
    assertEquals("c", ben.getJsonArray("items").getJsonObject(0).getString("text"), "undone earlier work shows too");
    JsonObject upcoming = expect(server.get(cast.groupPath("/homework/due"), cast.facilitator.token()), 200);
    assertEquals(1, upcoming.getInteger("session"));
  }

  @Test
  @DisplayName("bad homework bodies get 400; someone else's homework id gets 404")
  void badInput() {
    Cast cast = Cast.of(server, 12);
    String path = cast.memberPath("/homework");
    assertBadRequest(server.post(path, cast.member.token(), new JsonObject()), "text");
    assertBadRequest(server.post(path, cast.member.token(), work("x").put("dueSession", 13)), "dueSession");
    assertBadRequest(server.post(path, cast.member.token(), work("x").put("dueSession", 0)), "dueSession");
    long peers = expect(server.post("/api/groups/" + cast.groupId + "/members/" + cast.peer.id() + "/homework",
        cast.peer.token(), work("peer's")), 201).getLong("id");
    assertEquals(404, server.post(path + "/" + peers + "/done", cast.member.token(), null).statusCode());
    long mine = expect(server.post(path, cast.member.token(), work("mine")), 201).getLong("id");
    assertBadRequest(server.post(path + "/" + mine + "/done", cast.member.token(),
        new JsonObject().put("note", "x".repeat(2001))), "note");
    assertBadRequest(server.get(cast.groupPath("/homework/due?session=abc"), cast.facilitator.token()), "session");
    assertBadRequest(server.get(cast.groupPath("/homework/due?session=13"), cast.facilitator.token()), "session");
    assertFalse(onlyItems(cast).getJsonObject(0).getBoolean("done"));
  }

  private static JsonObject onlyItem(Cast cast) {
    JsonArray items = onlyItems(cast);
    assertEquals(1, items.size());
    return items.getJsonObject(0);
  }

  private static JsonArray onlyItems(Cast cast) {
    return expect(server.get(cast.memberPath("/homework"), cast.member.token()), 200).getJsonArray("items");
  }
}
