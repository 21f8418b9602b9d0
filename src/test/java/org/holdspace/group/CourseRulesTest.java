package org.holdspace.group;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.holdspace.support.ChatClient;
import org.holdspace.support.LiveGroup;
import org.holdspace.support.Refusals;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServer.Account;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.holdspace.support.ChatClient.seconds;
import static org.holdspace.support.Frames.event;
import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The manuals' course rules over HTTP and the socket")
@ExtendWith(TestServerExtension.class)
class CourseRulesTest {
  private static TestServer server;

  @RegisterExtension
  final LiveGroup who = LiveGroup.of("Dr. Achieng", "Ana", "Ben").protocol("who-group-ipt", 8).open(server);

  @RegisterExtension
  final LiveGroup ipt = LiveGroup.of("Dr. Hale", "Cleo", "Dev").open(server);

  static String path(LiveGroup g, String rest) {
    return "/api/groups/" + g.id() + rest;
  }

  static JsonObject enrolBody(Account a) {
    return new JsonObject().put("userId", a.id());
  }

  static JsonArray audit(long groupId, String action) {
    JsonArray all = server.get("/api/audit?groupId=" + groupId, server.adminToken()).bodyAsJsonArray();
    return new JsonArray(all.stream().map(JsonObject.class::cast).filter(e -> action.equals(e.getString("action")))
        .toList());
  }

  static JsonObject person(JsonObject group, long id) {
    return group.getJsonArray("members").stream().map(JsonObject.class::cast).filter(m -> m.getLong("id") == id)
        .findFirst().orElseThrow(() -> new AssertionError("no member " + id + " in " + group));
  }

  static void session(LiveGroup g) {
    server.startSession(g.facilitator(), g.id());
    server.endSession(g.facilitator(), g.id());
  }

  @Test
  @DisplayName("who-group-ipt closes enrolment once session 1 has started: 409, then 201 with an audited override")
  void closedEnrolment() {
    Account late = server.newAccount("member", "Late");
    Account early = server.newAccount("member", "Early");
    server.enrol(who.facilitator(), who.id(), early);
    server.startSession(who.facilitator(), who.id());
    JsonObject refused = expect(server.post(path(who, "/members"), who.facilitator().token(), enrolBody(late)), 409);
    assertEquals("conflict", refused.getString("code"));
    assertTrue(refused.getString("message").contains("overrideReason"), refused.getString("message"));
    server.endSession(who.facilitator(), who.id());
    expect(server.post(path(who, "/members"), who.facilitator().token(), enrolBody(late)
        .put("overrideReason", "   ")), 409);
    expect(server.post(path(who, "/members"), who.facilitator().token(), enrolBody(late)
        .put("overrideReason", "missed session 1 with flu; agreed in supervision")), 201);

    JsonArray enrols = audit(who.id(), "group.enrol");
    JsonObject override = enrols.getJsonObject(enrols.size() - 1);
    assertEquals(late.id(), override.getLong("subjectId"));
    assertTrue(override.getJsonObject("detail").getBoolean("override"));
    assertFalse(enrols.encode().contains("flu"), "the reason stays out of the audit detail");
    JsonObject seen = expect(server.get(path(who, ""), who.facilitator().token()), 200);
    assertEquals("missed session 1 with flu; agreed in supervision",
        person(seen, late.id()).getString("enrolOverrideReason"));
    assertNull(person(seen, early.id()).getValue("enrolOverrideReason"));
    JsonObject memberView = expect(server.get(path(who, ""), late.token()), 200);
    assertFalse(person(memberView, late.id()).containsKey("enrolOverrideReason"));
  }

  @Test
  @DisplayName("ipt has no closing: a member is enrolled after session 3 without any reason")
  void openEnrolment() {
    for (int n = 0; n < 3; n++) {
      session(ipt);
    }
    server.enrol(ipt.facilitator(), ipt.id(), server.newAccount("member", "Later"));
  }

  @Test
  @DisplayName("ending a participation takes the member's sockets out, refuses their join, keeps their data")
  void dropout() {
    Account cleo = ipt.member(0);
    Account dev = ipt.member(1);
    server.startSession(ipt.facilitator(), ipt.id());
    ChatClient cleoSocket = ipt.joined(cleo);
    ChatClient devSocket = ipt.joined(dev);
    cleoSocket.request(ipt.frame("raise_hand")).await();
    expect(server.post(path(ipt, "/members/" + cleo.id() + "/measures"), cleo.token(), new JsonObject()
        .put("instrument", "phq9").put("answers", new JsonArray(List.of(1, 1, 1, 1, 1, 1, 1, 1, 0)))), 201);

    String end = path(ipt, "/members/" + cleo.id());
    JsonObject noReason = expect(server.call(HttpMethod.DELETE, end, ipt.facilitator().token(), new JsonObject()), 400);
    assertTrue(noReason.getString("message").startsWith("reason:"), noReason.getString("message"));
    assertEquals(403, server.call(HttpMethod.DELETE, end, dev.token(), new JsonObject().put("reason", "x"))
        .statusCode());
    assertEquals(403, server.call(HttpMethod.DELETE, end, cleo.token(), new JsonObject().put("reason", "x"))
        .statusCode());
    JsonObject ended = expect(server.call(HttpMethod.DELETE, end, ipt.facilitator().token(),
        new JsonObject().put("reason", "moved to another city")), 200);
    assertEquals("ended", ended.getString("status"));
    assertNotNull(ended.getString("endedAt"));

    JsonObject seen = devSocket.await(event("participation_ended"), seconds(5));
    assertEquals(cleo.id(), seen.getLong("userId"));
    cleoSocket.await(event("participation_ended"), seconds(5));
    ChatClient room = ipt.joined(ipt.facilitator());
    long said = room.say(ipt.id(), "after Cleo left", null).await();
    devSocket.await(f -> f.getLong("seq", -1L) == said, seconds(5));
    assertTrue(cleoSocket.events(ipt.id()).stream().noneMatch(f -> f.getLong("seq") == said),
        "her socket is out of the room");
    assertEquals("forbidden", Refusals.errorCode(() -> cleoSocket.join(ipt.id(), null).await()));
    assertEquals("forbidden", Refusals.errorCode(() -> cleoSocket.say(ipt.id(), "still here?", null).await()));
    assertEquals("forbidden", Refusals.errorCode(() -> cleoSocket.request(ipt.frame("raise_hand")).await()));
    JsonObject joined = ipt.joined(dev).received().stream().filter(f -> "joined".equals(f.getString("type")))
        .reduce((a, b) -> b).orElseThrow();
    assertFalse(joined.getJsonObject("state").getJsonArray("hands").contains(cleo.id()), "her hand went down");

    server.endSession(ipt.facilitator(), ipt.id());
    server.startSession(ipt.facilitator(), ipt.id());
    assertEquals("forbidden", Refusals.errorCode(() -> ipt.connect(cleo).join(ipt.id(), null).await()),
        "not in the next session either");

    assertEquals(1, server.get(path(ipt, "/members/" + cleo.id() + "/measures"), ipt.facilitator().token())
        .bodyAsJsonArray().size(), "her questionnaire stays");
    JsonObject roster = expect(server.get(path(ipt, ""), ipt.facilitator().token()), 200);
    assertEquals("ended", person(roster, cleo.id()).getString("status"));
    assertEquals("moved to another city", person(roster, cleo.id()).getString("endReason"));
    assertEquals("active", person(roster, dev.id()).getString("status"));
    JsonObject peers = expect(server.get(path(ipt, ""), dev.token()), 200);
    assertEquals("ended", person(peers, cleo.id()).getString("status"));
    assertFalse(person(peers, cleo.id()).containsKey("endReason"));
    JsonArray audited = audit(ipt.id(), "group.member_end");
    assertEquals(1, audited.size());
    assertEquals(cleo.id(), audited.getJsonObject(0).getLong("subjectId"));
    assertFalse(audited.encode().contains("city"));
    expect(server.call(HttpMethod.DELETE, end, ipt.facilitator().token(), new JsonObject().put("reason", "again")),
        409);
    expect(server.call(HttpMethod.DELETE, path(ipt, "/members/" + ipt.facilitator().id()),
        ipt.facilitator().token(), new JsonObject().put("reason", "not a member")), 404);

    assertEquals(204, server.post("/api/users/" + cleo.id() + "/erase", server.adminToken(),
        new JsonObject().put("reason", "asked to be forgotten")).statusCode());
    JsonObject erased = person(expect(server.get(path(ipt, ""), ipt.facilitator().token()), 200), cleo.id());
    assertEquals("ended", erased.getString("status"));
    assertNull(erased.getValue("endReason"), "erasure takes the reason with the clinical data");
  }

  @Test
  @DisplayName("attendance counts only the sessions held while a member was enrolled and taking part")
  void lateJoinerAttendance() {
    Account cleo = ipt.member(0);
    ipt.joined(cleo);
    session(ipt);
    session(ipt);
    Account late = server.newAccount("member", "Late");
    Account neverCame = server.newAccount("member", "Never");
    server.enrol(ipt.facilitator(), ipt.id(), late);
    server.enrol(ipt.facilitator(), ipt.id(), neverCame);
    ipt.joined(late);
    session(ipt);
    expect(server.call(HttpMethod.DELETE, path(ipt, "/members/" + cleo.id()), ipt.facilitator().token(),
        new JsonObject().put("reason", "stopped coming")), 200);
    session(ipt);

    JsonArray sessions = expect(server.get(path(ipt, "/attendance"), ipt.facilitator().token()), 200)
        .getJsonArray("sessions");
    assertEquals(4, sessions.size());
    long dev = ipt.member(1).id();
    assertEquals(new JsonArray().add(dev), sessions.getJsonObject(0).getJsonArray("absent"),
        "Dev was enrolled and did not come; the late joiners were not enrolled yet");
    assertEquals(new JsonArray().add(dev).add(neverCame.id()), sessions.getJsonObject(2).getJsonArray("absent"));
    assertFalse(sessions.getJsonObject(3).getJsonArray("absent").contains(cleo.id()), "Cleo had ended by then");

    JsonObject board = expect(server.get(path(ipt, "/dashboard"), ipt.facilitator().token()), 200);
    assertEquals(4, board.getInteger("sessionsHeld"));
    assertAttendance(board, late.id(), 2, 2, List.of());
    assertAttendance(board, neverCame.id(), 0, 2, List.of(3, 4));
    assertAttendance(board, cleo.id(), 3, 3, List.of());
    assertAttendance(board, dev, 0, 4, List.of(1, 2, 3, 4));
  }

  static void assertAttendance(JsonObject board, long id, int attended, int held, List<Integer> missed) {
    JsonObject a = person(board, id).getJsonObject("attendance");
    assertEquals(attended, a.getInteger("attended"), a.encode());
    assertEquals(held, a.getInteger("held"), a.encode());
    assertEquals(new JsonArray(missed), a.getJsonArray("missed"));
  }

  @Test
  @DisplayName("termination before the plan's first termination session: 409, then allowed with a reason, ahead of plan")
  void terminationByPlan() {
    String token = ipt.facilitator().token();
    expect(server.post(path(ipt, "/phase"), token, new JsonObject().put("phase", "middle")
        .put("overrideReason", "focus set at the next meeting")), 200);
    JsonObject early = expect(server.post(path(ipt, "/phase"), token, new JsonObject().put("phase", "termination")),
        409);
    assertTrue(early.getString("message").contains("session 11"), early.getString("message"));
    JsonObject moved = expect(server.post(path(ipt, "/phase"), token, new JsonObject().put("phase", "termination")
        .put("overrideReason", "the member moves abroad")), 200);
    assertTrue(moved.getBoolean("override"));
    assertTrue(moved.getBoolean("aheadOfPlan"));
    JsonObject course = expect(server.get(path(ipt, "/clinical"), token), 200);
    assertEquals("termination", course.getString("phase"));
    assertEquals("initial", course.getString("planPhase"));
    assertTrue(course.getBoolean("aheadOfPlan"));
    assertFalse(course.getBoolean("behindPlan"));
    JsonArray changes = audit(ipt.id(), "phase.change");
    assertTrue(changes.getJsonObject(changes.size() - 1).getJsonObject("detail").getBoolean("override"));
    assertFalse(changes.encode().contains("abroad"));
  }

  @Test
  @DisplayName("at the plan's first termination session the move needs no reason and is not ahead of plan")
  void terminationOnPlan() {
    String token = who.facilitator().token();
    expect(server.post(path(who, "/phase"), token, new JsonObject().put("phase", "middle")
        .put("overrideReason", "focus areas follow")), 200);
    for (int n = 1; n <= 6; n++) {
      session(who);
    }
    server.startSession(who.facilitator(), who.id());
    expect(server.post(path(who, "/phase"), token, new JsonObject().put("phase", "termination")), 409);
    server.endSession(who.facilitator(), who.id());
    JsonObject moved = expect(server.post(path(who, "/phase"), token, new JsonObject().put("phase", "termination")),
        200);
    assertFalse(moved.getBoolean("override"));
    assertFalse(moved.getBoolean("aheadOfPlan"));
    assertFalse(moved.getBoolean("behindPlan"));
  }

  @Test
  @DisplayName("a questionnaire for a session later than the group's next session gets 400 naming session")
  void questionnaireBeyondNextSession() {
    String measures = path(ipt, "/members/" + ipt.member(0).id() + "/measures");
    String token = ipt.member(0).token();
    JsonObject phq9 = new JsonObject().put("instrument", "phq9")
        .put("answers", new JsonArray(List.of(0, 0, 0, 0, 0, 0, 0, 0, 0)));
    expect(server.post(measures, token, phq9.copy().put("session", 1)), 201);
    JsonObject refused = expect(server.post(measures, token, phq9.copy().put("session", 12)), 400);
    assertTrue(refused.getString("message").startsWith("session:"), refused.getString("message"));
    expect(server.post(measures, ipt.facilitator().token(), phq9.copy().put("session", 2)), 400);
    server.startSession(ipt.facilitator(), ipt.id());
    expect(server.post(measures, token, phq9.copy().put("session", 2)), 201);
    expect(server.post(measures, token, phq9.copy().put("session", 3)), 400);
    assertEquals(2, server.get(measures, token).bodyAsJsonArray().size(), "nothing stored for the refused ones");
  }

  @Test
  @DisplayName("phase is the clinical phase and planPhase the plan's, alike in the group, the course, joined and "
      + "session_started")
  void onePhase() {
    String token = ipt.facilitator().token();
    JsonObject before = expect(server.get(path(ipt, ""), token), 200);
    assertEquals("initial", before.getString("phase"));
    assertEquals("initial", before.getString("planPhase"));
    expect(server.post(path(ipt, "/phase"), token, new JsonObject().put("phase", "middle")
        .put("overrideReason", "a test of the two phases")), 200);
    ChatClient room = ipt.joined(ipt.member(1));
    JsonObject started = server.startSession(ipt.facilitator(), ipt.id());
    assertEquals("middle", started.getString("phase"));
    assertEquals("initial", started.getString("planPhase"));
    JsonObject event = room.await(event("session_started"), seconds(5));
    assertEquals("middle", event.getString("phase"));
    assertEquals("initial", event.getString("planPhase"));
    JsonObject group = expect(server.get(path(ipt, ""), token), 200);
    JsonObject course = expect(server.get(path(ipt, "/clinical"), token), 200);
    JsonObject memberGroup = expect(server.get(path(ipt, ""), ipt.member(1).token()), 200);
    for (JsonObject view : List.of(group, course, memberGroup)) {
      assertEquals("middle", view.getString("phase"), view.encode());
      assertEquals("initial", view.getString("planPhase"), view.encode());
    }
    assertTrue(course.getBoolean("aheadOfPlan"));
    JsonObject joined = ipt.connect(ipt.member(0)).join(ipt.id(), null).await();
    assertEquals("middle", joined.getJsonObject("session").getString("phase"));
    assertEquals("initial", joined.getJsonObject("session").getString("planPhase"));
    JsonObject changed = room.await(event("phase_changed"), seconds(5));
    assertEquals("middle", changed.getString("phase"));
  }
}
