package org.holdspace.group;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.holdspace.support.ChatClient;
import org.holdspace.support.LiveGroup;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.holdspace.group.CourseRulesTest.assertAttendance;
import static org.holdspace.group.CourseRulesTest.path;
import static org.holdspace.support.ChatClient.seconds;
import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Cancelled sessions in the course rules: the group, the course, the dashboard and the socket agree")
@ExtendWith(TestServerExtension.class)
class CancelledSessionsCourseTest {
  private static TestServer server;

  @RegisterExtension
  final LiveGroup ipt = LiveGroup.of("Dr. Okafor", "Cleo", "Dev").open(server);

  @RegisterExtension
  final LiveGroup who = LiveGroup.of("Dr. Mensah", "Ana").protocol("who-group-ipt", 8).open(server);

  private static void held(LiveGroup g, int sessions) {
    for (int n = 0; n < sessions; n++) {
      server.startSession(g.facilitator(), g.id());
      server.endSession(g.facilitator(), g.id());
    }
  }

  private static void cancel(LiveGroup g, int... numbers) {
    for (int number : numbers) {
      expect(server.call(HttpMethod.PATCH, path(g, "/sessions/" + number), g.facilitator().token(),
          new JsonObject().put("cancelled", true)), 200);
    }
  }

  /** The group (as its facilitator and a member see it), GET /clinical and the dashboard. */
  private static List<JsonObject> views(LiveGroup g) {
    String token = g.facilitator().token();
    return List.of(expect(server.get(path(g, ""), token), 200),
        expect(server.get(path(g, ""), g.member(0).token()), 200),
        expect(server.get(path(g, "/clinical"), token), 200),
        expect(server.get(path(g, "/dashboard"), token), 200));
  }

  private static JsonObject phase(LiveGroup g, String phase, String reason, int status) {
    JsonObject body = new JsonObject().put("phase", phase);
    if (reason != null) {
      body.put("overrideReason", reason);
    }
    return expect(server.post(path(g, "/phase"), g.facilitator().token(), body), status);
  }

  @Test
  @DisplayName("session 4 cancelled after session 3: the group meets for 5 everywhere, questionnaires up to 5, "
      + "the start goes to 5, and nobody is absent from 4")
  void cancelledFourthSession() {
    ChatClient cleo = ipt.joined(ipt.member(0));
    held(ipt, 3);
    cancel(ipt, 4);

    for (JsonObject view : views(ipt)) {
      assertEquals(5, view.getInteger("upcomingSession"), view.encode());
      assertEquals("middle", view.getString("planPhase"), view.encode());
      assertFalse(view.getBoolean("courseOver"), view.encode());
      assertEquals(3, view.getInteger("currentSession"), view.encode());
    }
    JsonObject joined = ipt.connect(ipt.member(1)).join(ipt.id(), null).await();
    // Dev's socket stays in the room from here: he attends session 5 only
    assertEquals("middle", joined.getJsonObject("session").getString("planPhase"));

    String measures = path(ipt, "/members/" + ipt.member(0).id() + "/measures");
    JsonObject phq9 = new JsonObject().put("instrument", "phq9")
        .put("answers", new JsonArray(List.of(1, 1, 1, 1, 1, 1, 1, 1, 0)));
    expect(server.post(measures, ipt.member(0).token(), phq9.copy().put("session", 5)), 201);
    JsonObject refused = expect(server.post(measures, ipt.member(0).token(), phq9.copy().put("session", 6)), 400);
    assertTrue(refused.getString("message").startsWith("session:") && refused.getString("message").contains("5"),
        refused.getString("message"));

    JsonObject started = server.startSession(ipt.facilitator(), ipt.id());
    assertEquals(5, started.getInteger("number"));
    assertEquals("middle", started.getString("planPhase"));
    JsonObject event = cleo.await(f -> "session_started".equals(f.getString("kind")) && f.getInteger("number") == 5,
        seconds(5));
    assertEquals("middle", event.getString("planPhase"));
    for (JsonObject view : views(ipt)) {
      assertEquals(5, view.getInteger("currentSession"), view.encode());
      assertEquals(5, view.getInteger("upcomingSession"), view.encode());
    }
    server.endSession(ipt.facilitator(), ipt.id());

    JsonArray sessions = expect(server.get(path(ipt, "/attendance"), ipt.facilitator().token()), 200)
        .getJsonArray("sessions");
    assertEquals(List.of(1, 2, 3, 5), sessions.stream().map(s -> ((JsonObject) s).getInteger("number")).toList(),
        "a cancelled session was never held");
    long dev = ipt.member(1).id();
    JsonObject board = expect(server.get(path(ipt, "/dashboard"), ipt.facilitator().token()), 200);
    assertEquals(4, board.getInteger("sessionsHeld"));
    assertEquals(6, board.getInteger("upcomingSession"));
    assertAttendance(board, ipt.member(0).id(), 4, 4, List.of());
    assertAttendance(board, dev, 1, 4, List.of(1, 2, 3));
  }

  @Test
  @DisplayName("cancelling every remaining session ends the course: no start, no later questionnaire, plan at its end")
  void remainingSessionsCancelled() {
    held(who, 2);
    cancel(who, 3, 4, 5, 6, 7, 8);
    for (JsonObject view : views(who)) {
      assertTrue(view.getBoolean("courseOver"), view.encode());
      assertEquals("termination", view.getString("planPhase"), view.encode());
      assertEquals(2, view.getInteger("upcomingSession"), view.encode());
    }
    JsonObject course = expect(server.get(path(who, "/clinical"), who.facilitator().token()), 200);
    assertTrue(course.getBoolean("behindPlan"), "the facilitator has the ending still to record");

    JsonObject refused = expect(server.post(path(who, "/sessions/current/start"), who.facilitator().token(), null),
        409);
    assertEquals("conflict", refused.getString("code"));
    assertTrue(refused.getString("message").contains("course is over"), refused.getString("message"));
    assertEquals("ended", expect(server.get(path(who, ""), who.facilitator().token()), 200)
        .getString("sessionStatus"), "nothing started");

    String measures = path(who, "/members/" + who.member(0).id() + "/measures");
    JsonObject phq9 = new JsonObject().put("instrument", "phq9")
        .put("answers", new JsonArray(List.of(0, 0, 0, 0, 0, 0, 0, 0, 0)));
    expect(server.post(measures, who.member(0).token(), phq9.copy().put("session", 3)), 400);
    expect(server.post(measures, who.member(0).token(), phq9.copy().put("session", 2)), 201);

    phase(who, "middle", "focus areas agreed one to one", 200);
    JsonObject ended = phase(who, "termination", null, 200);
    assertFalse(ended.getBoolean("override"), "the plan has reached its end: termination needs no reason");
    assertFalse(ended.getBoolean("behindPlan"));

    expect(server.call(HttpMethod.PATCH, path(who, "/sessions/8"), who.facilitator().token(),
        new JsonObject().put("cancelled", false)), 200);
    JsonObject reopened = expect(server.get(path(who, ""), who.facilitator().token()), 200);
    assertFalse(reopened.getBoolean("courseOver"), "restoring a session reopens the course");
    assertEquals(8, reopened.getInteger("upcomingSession"));
    assertEquals(8, server.startSession(who.facilitator(), who.id()).getInteger("number"));
  }

  @Test
  @DisplayName("with the WHO plan's termination session 8 cancelled, session 7 is the termination: no reason needed")
  void cancelledTerminationSession() {
    phase(who, "middle", "focus areas agreed one to one", 200);
    held(who, 6);
    cancel(who, 8);
    JsonObject before = expect(server.get(path(who, ""), who.facilitator().token()), 200);
    assertEquals(7, before.getInteger("upcomingSession"));
    assertEquals("termination", before.getString("planPhase"), "the last session still to be held ends the course");
    ChatClient ana = who.joined(who.member(0));
    JsonObject started = server.startSession(who.facilitator(), who.id());
    assertEquals(7, started.getInteger("number"));
    assertEquals("termination", started.getString("planPhase"));
    assertEquals("termination", ana.await(f -> "session_started".equals(f.getString("kind"))
        && f.getInteger("number") == 7, seconds(5)).getString("planPhase"));
    JsonObject moved = phase(who, "termination", null, 200);
    assertFalse(moved.getBoolean("override"));
    assertFalse(moved.getBoolean("aheadOfPlan"));
    server.endSession(who.facilitator(), who.id());
    JsonObject after = expect(server.get(path(who, "/clinical"), who.facilitator().token()), 200);
    assertTrue(after.getBoolean("courseOver"));
    assertEquals("termination", after.getString("planPhase"));
    assertEquals(2, after.getJsonArray("phaseHistory").size(), "two moves recorded");
  }

  @Test
  @DisplayName("ipt with session 10 cancelled after 9: the group meets for 11, so termination is by plan")
  void cancelledLastMiddleSession() {
    phase(ipt, "middle", "focus areas agreed one to one", 200);
    held(ipt, 9);
    assertEquals(409, server.post(path(ipt, "/phase"), ipt.facilitator().token(),
        new JsonObject().put("phase", "termination")).statusCode(), "session 10 is still middle");
    cancel(ipt, 10);
    for (JsonObject view : views(ipt)) {
      assertEquals(11, view.getInteger("upcomingSession"), view.encode());
      assertEquals("termination", view.getString("planPhase"), view.encode());
    }
    assertTrue(expect(server.get(path(ipt, "/clinical"), ipt.facilitator().token()), 200).getBoolean("behindPlan"));
    JsonObject moved = phase(ipt, "termination", null, 200);
    assertFalse(moved.getBoolean("override"));
    assertEquals(11, server.startSession(ipt.facilitator(), ipt.id()).getInteger("number"));
  }
}
