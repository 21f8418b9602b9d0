package org.holdspace.clinical;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.holdspace.support.ChatClient;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Arrays;

import static org.holdspace.clinical.MeasuresApiTest.assertBadRequest;
import static org.holdspace.support.ChatClient.seconds;
import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A 12-session course seeded through the API, and the progress review and dashboard built from it, checked against
 * numbers worked out by hand in the comments below.
 */
@DisplayName("Progress review and facilitator dashboard over HTTP")
@ExtendWith(TestServerExtension.class)
class ProgressApiTest {
  private static TestServer server;
  private static Cast cast;
  private static long mother;
  private static long friend;

  @BeforeAll
  static void seedCourse() {
    cast = Cast.of(server, 12);
    String f = cast.facilitator.token();
    ChatClient room = server.connect(cast.facilitator);
    room.join(cast.groupId, null).await();

    // Pre-group meeting: Ana 3+3+2+2+2+2+1+1+0 = 16 (moderately severe); Ben nine 1s = 9 (mild), item 9 -> alert.
    measure(cast.member, 0, 3, 3, 2, 2, 2, 2, 1, 1, 0);
    measure(cast.peer, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1);
    JsonArray rels = expect(server.put(cast.memberPath("/inventory"), cast.member.token(), new JsonObject()
        .put("relationships", new JsonArray()
            .add(InventoryApiTest.relationship("mother", 2, 3))
            .add(InventoryApiTest.relationship("friend", 4, 2)))), 200).getJsonArray("relationships");
    mother = rels.getJsonObject(0).getLong("id");
    friend = rels.getJsonObject(1).getLong("id");
    JsonArray goals = expect(server.put(cast.memberPath("/focus"), f, new JsonObject().put("area", "grief")
        .put("goals", new JsonArray().add("talk about dad with my sister").add("go back to choir"))), 200)
        .getJsonArray("goals");
    long g1 = goals.getJsonObject(0).getLong("id");
    long g2 = goals.getJsonObject(1).getLong("id");
    expect(server.put(peerPath("/focus"), f, new JsonObject().put("area", "role_dispute")
        .put("goals", new JsonArray().add("say no once a week"))), 200);
    expect(server.post(cast.groupPath("/phase"), f, new JsonObject().put("phase", "middle")), 200);

    // Ana is in the room for sessions 1-3, leaves, joins during session 5 and leaves after it: 4 of 10 held.
    ChatClient ana = server.connect(cast.member);
    ana.join(cast.groupId, null).await();
    long joined = awaitPresence(room, "join", 0);
    long homeworkDone = 0;
    for (int n = 1; n <= 10; n++) {
      if (n == 4) {
        ana.request(new JsonObject().put("type", "leave").put("groupId", cast.groupId)).await();
        joined = awaitPresence(room, "leave", joined);
      }
      server.startSession(cast.facilitator, cast.groupId);
      if (n == 5) {
        ana.join(cast.groupId, null).await();
        joined = awaitPresence(room, "join", joined);
      }
      switch (n) {
        case 1 -> rateGoals(new long[] {g1, g2}, new int[] {2, 5});
        case 2 -> homeworkDone = expect(server.post(cast.memberPath("/homework"), f,
            new JsonObject().put("text", "ask my sister for coffee")), 201).getLong("id");
        case 4 -> measure(cast.member, null, 2, 2, 2, 1, 1, 1, 1, 0, 0);
        case 6 -> {
          rateGoals(new long[] {g1}, new int[] {6});
          reportCard(new long[] {mother, friend}, new int[] {3, 3, 4, 4});
        }
        case 9 -> expect(server.post(cast.memberPath("/homework"), f, new JsonObject().put("text", "choir email")), 201);
        case 10 -> {
          rateGoals(new long[] {g1, g2}, new int[] {8, 4});
          reportCard(new long[] {mother}, new int[] {4, 4});
          expect(server.post(cast.memberPath("/homework"), f, new JsonObject().put("text", "goodbye letter")), 201);
        }
        default -> {
        }
      }
      server.endSession(cast.facilitator, cast.groupId);
      if (n == 3) {
        expect(server.post(cast.memberPath("/homework/" + homeworkDone + "/done"), cast.member.token(),
            new JsonObject().put("note", "we had coffee")), 200);
      }
      if (n == 5) {
        ana.request(new JsonObject().put("type", "leave").put("groupId", cast.groupId)).await();
        joined = awaitPresence(room, "leave", joined);
      }
    }
    // After session 10: Ana 1+1+1+1 = 4 (minimal), counted for session 10. Session 8's PHQ-9 was never taken.
    measure(cast.member, null, 1, 1, 1, 1, 0, 0, 0, 0, 0);
    expect(server.post(cast.groupPath("/phase"), f, new JsonObject().put("phase", "termination")), 200);
    expect(server.put(cast.memberPath("/relapse-plan"), cast.member.token(), new JsonObject()
        .put("warningSigns", "staying in bed on Sundays").put("strategies", "call my sister")
        .put("supports", "choir friends")), 200);
    ana.close();
    room.close();
  }

  @Test
  @DisplayName("the review matches the hand-computed PHQ-9, goals, report card, attendance and relapse plan")
  void reviewMatchesHandComputedNumbers() {
    JsonObject review = expect(cast.checkSelfOrFacilitator(HttpMethod.GET, cast.memberPath("/review"), who -> null,
        200, "review.read"), 200);
    assertEquals("termination", review.getString("phase"));

    JsonObject phq9 = review.getJsonObject("phq9");
    assertEquals(3, phq9.getInteger("count"));
    assertEquals(16, phq9.getJsonObject("first").getInteger("total"));
    assertEquals("moderately_severe", phq9.getJsonObject("first").getString("severity"));
    assertEquals(0, phq9.getJsonObject("first").getInteger("session"));
    assertEquals(4, phq9.getJsonObject("last").getInteger("total"));
    assertEquals("minimal", phq9.getJsonObject("last").getString("severity"));
    assertEquals(10, phq9.getJsonObject("last").getInteger("session"));
    assertEquals(-12, phq9.getInteger("change"));
    JsonArray points = phq9.getJsonArray("points");
    assertEquals(Arrays.asList(0, 4, 8, 12), points.stream().map(p -> ((JsonObject) p).getInteger("session")).toList());
    assertEquals(Arrays.asList("done", "done", "missed", "upcoming"),
        points.stream().map(p -> ((JsonObject) p).getString("status")).toList());
    assertEquals(10, points.getJsonObject(1).getInteger("total"));
    assertNull(points.getJsonObject(2).getValue("total"), "the gap is shown, never filled in");

    JsonArray goals = review.getJsonArray("goals");
    assertEquals(2, goals.size());
    assertGoal(goals.getJsonObject(0), 1, 2, 10, 8, 6, 3);
    assertGoal(goals.getJsonObject(1), 1, 5, 10, 4, -1, 2);

    JsonArray relationships = review.getJsonArray("relationships");
    JsonObject mum = relationships.getJsonObject(0);
    assertEquals(mother, mum.getLong("id"));
    assertEquals(new JsonObject().put("closeness", 2).put("satisfaction", 3), mum.getJsonObject("initial"));
    assertEquals(new JsonObject().put("closeness", 2).put("satisfaction", 1), mum.getJsonObject("change"));
    JsonObject pal = relationships.getJsonObject(1);
    assertEquals(friend, pal.getLong("id"));
    assertEquals(new JsonObject().put("closeness", 0).put("satisfaction", 2), pal.getJsonObject("change"));

    JsonObject attendance = review.getJsonObject("attendance");
    assertEquals(4, attendance.getInteger("attended"));
    assertEquals(10, attendance.getInteger("held"));
    assertEquals(new JsonArray().add(1).add(2).add(3).add(5), attendance.getJsonArray("sessions"));
    assertEquals(new JsonArray().add(4).add(6).add(7).add(8).add(9).add(10), attendance.getJsonArray("missed"));

    JsonObject plan = review.getJsonObject("relapsePlan");
    assertEquals("staying in bed on Sundays", plan.getString("warningSigns"));
    assertEquals("call my sister", plan.getString("strategies"));
    assertEquals("choir friends", plan.getString("supports"));
    assertEquals(cast.member.id(), plan.getLong("updatedBy"));
  }

  @Test
  @DisplayName("a member with one questionnaire and no ratings has no change to show, rather than a zero")
  void nothingToCompare() {
    JsonObject review = expect(server.get(peerPath("/review"), cast.peer.token()), 200);
    assertEquals(1, review.getJsonObject("phq9").getInteger("count"));
    assertNull(review.getJsonObject("phq9").getValue("change"));
    JsonObject goal = review.getJsonArray("goals").getJsonObject(0);
    assertNull(goal.getValue("first"));
    assertNull(goal.getValue("change"));
    assertEquals(0, review.getJsonObject("attendance").getInteger("attended"));
    assertNull(review.getValue("relapsePlan"));
  }

  @Test
  @DisplayName("the dashboard shows each member's focus, attendance, PHQ-9 trend, goals, homework and open alerts")
  void dashboard() {
    JsonObject board = expect(cast.checkFacilitatorOnly(HttpMethod.GET, cast.groupPath("/dashboard"), who -> null,
        200, "dashboard.read", null), 200);
    assertEquals("termination", board.getString("phase"));
    assertEquals("termination", board.getString("planPhase"), "after session 10 of 12 the group meets for 11");
    assertFalse(board.getBoolean("aheadOfPlan"));
    assertEquals(10, board.getInteger("sessionsHeld"));
    JsonArray members = board.getJsonArray("members");
    assertEquals(2, members.size());
    JsonObject ana = members.getJsonObject(0);
    assertEquals(cast.member.id(), ana.getLong("id"));
    assertEquals("grief", ana.getString("focusArea"));
    assertEquals(4, ana.getJsonObject("attendance").getInteger("attended"));
    assertEquals(16, ana.getJsonObject("phq9").getJsonObject("first").getInteger("total"));
    assertEquals(4, ana.getJsonObject("phq9").getJsonObject("last").getInteger("total"));
    assertEquals(8, ana.getJsonArray("goals").getJsonObject(0).getJsonObject("last").getInteger("rating"));
    // Homework: done (coffee), overdue (choir email, due 10), due (goodbye letter, due 11, the next session).
    assertEquals(new JsonObject().put("open", 0).put("due", 1).put("overdue", 1).put("done", 1),
        ana.getJsonObject("homework"));
    assertEquals(0, ana.getJsonArray("openAlerts").size());
    JsonObject ben = members.getJsonObject(1);
    assertEquals("role_dispute", ben.getString("focusArea"));
    assertEquals(1, ben.getJsonArray("openAlerts").size());
    assertEquals("phq9_item9", ben.getJsonArray("openAlerts").getJsonObject(0).getString("kind"));
    assertEquals("mild", ben.getJsonObject("phq9").getJsonObject("last").getString("severity"));
    assertEquals(0, ben.getJsonObject("attendance").getInteger("attended"));
    assertEquals(404, server.get("/api/groups/999999/dashboard", cast.facilitator.token()).statusCode());
  }

  @Test
  @DisplayName("the review and the relapse plan open with termination; then the member and facilitator may use them")
  void reviewOpensWithTermination() {
    Cast fresh = Cast.of(server, 12);
    assertEquals(409, server.get(fresh.memberPath("/review"), fresh.member.token()).statusCode());
    assertEquals(409, server.put(fresh.memberPath("/relapse-plan"), fresh.member.token(),
        new JsonObject().put("strategies", "walk")).statusCode());
    expect(server.post(fresh.groupPath("/phase"), fresh.facilitator.token(), new JsonObject().put("phase", "middle")
        .put("overrideReason", "short test course")), 200);
    assertEquals(409, server.get(fresh.memberPath("/review"), fresh.facilitator.token()).statusCode());
    expect(server.post(fresh.groupPath("/phase"), fresh.facilitator.token(),
        new JsonObject().put("phase", "termination").put("overrideReason", "short test course")), 200);
    JsonObject plan = expect(fresh.checkSelfOrFacilitator(HttpMethod.PUT, fresh.memberPath("/relapse-plan"),
        who -> new JsonObject().put("strategies", "walk with " + who.displayName()), 200, "relapse_plan.write"), 200);
    assertEquals("walk with Dr. Okafor", plan.getString("strategies"));
    assertNull(plan.getValue("warningSigns"));
    assertBadRequest(server.put(fresh.memberPath("/relapse-plan"), fresh.member.token(),
        new JsonObject().put("strategies", "  ")), "body");
    JsonObject review = expect(fresh.checkSelfOrFacilitator(HttpMethod.GET, fresh.memberPath("/review"), who -> null,
        200, "review.read"), 200);
    assertEquals(0, review.getJsonObject("phq9").getInteger("count"));
    assertEquals("due", review.getJsonObject("phq9").getJsonArray("points").getJsonObject(0).getString("status"),
        "no session held yet: the pre-group questionnaire is still due");
  }

  private static String peerPath(String suffix) {
    return "/api/groups/" + cast.groupId + "/members/" + cast.peer.id() + suffix;
  }

  private static void measure(TestServer.Account who, Integer session, int... answers) {
    JsonObject body = new JsonObject().put("instrument", "phq9")
        .put("answers", new JsonArray(Arrays.stream(answers).boxed().toList()));
    if (session != null) {
      body.put("session", session);
    }
    expect(server.post("/api/groups/" + cast.groupId + "/members/" + who.id() + "/measures", who.token(), body), 201);
  }

  private static void rateGoals(long[] goals, int[] ratings) {
    JsonArray list = new JsonArray();
    for (int i = 0; i < goals.length; i++) {
      list.add(new JsonObject().put("goalId", goals[i]).put("rating", ratings[i]));
    }
    expect(server.post(cast.memberPath("/goals/ratings"), cast.member.token(), new JsonObject().put("ratings", list)),
        201);
  }

  private static void reportCard(long[] relationships, int[] closenessThenSatisfaction) {
    JsonArray list = new JsonArray();
    for (int i = 0; i < relationships.length; i++) {
      list.add(new JsonObject().put("relationshipId", relationships[i])
          .put("closeness", closenessThenSatisfaction[2 * i]).put("satisfaction", closenessThenSatisfaction[2 * i + 1]));
    }
    expect(server.post(cast.memberPath("/report-cards"), cast.member.token(), new JsonObject().put("ratings", list)),
        201);
  }

  /** Waits until the room shows Ana's join or leave after {@code afterSeq}, so that the log orders it before what follows. */
  private static long awaitPresence(ChatClient room, String kind, long afterSeq) {
    return room.await(e -> kind.equals(e.getString("kind")) && e.getLong("userId", -1L) == cast.member.id()
        && e.getLong("seq") > afterSeq, seconds(5)).getLong("seq");
  }

  private static void assertGoal(JsonObject goal, int firstSession, int firstRating, int lastSession, int lastRating,
                                 int change, int count) {
    assertEquals(firstSession, goal.getJsonObject("first").getInteger("session"));
    assertEquals(firstRating, goal.getJsonObject("first").getInteger("rating"));
    assertEquals(lastSession, goal.getJsonObject("last").getInteger("session"));
    assertEquals(lastRating, goal.getJsonObject("last").getInteger("rating"));
    assertEquals(change, goal.getInteger("change"));
    assertEquals(count, goal.getInteger("count"));
  }
}
