package org.holdspace.session;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.holdspace.support.ChatClient;
import org.holdspace.support.LiveGroup;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServer.Account;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.holdspace.support.ChatClient.seconds;
import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("A WHO Group IPT course of 8 sessions, end to end")
@ExtendWith(TestServerExtension.class)
class WhoCourseTest {
  private static TestServer server;

  @RegisterExtension
  final LiveGroup group = LiveGroup.of("Dr. Nakato", "Ana", "Ben", "Cleo").protocol("who-group-ipt", 8).open(server);

  private String path(String rest) {
    return "/api/groups/" + group.id() + rest;
  }

  private JsonObject post(String rest, JsonObject body, int status) {
    return expect(server.post(path(rest), group.facilitator().token(), body), status);
  }

  private JsonObject course() {
    return expect(server.get(path("/clinical"), group.facilitator().token()), 200);
  }

  private void questionnaire(Account member, int session, int score) {
    JsonArray answers = new JsonArray(List.of(score, score, score, score, score, score, score, score, 0));
    expect(server.post(path("/members/" + member.id() + "/measures"), member.token(), new JsonObject()
        .put("instrument", "phq9").put("answers", answers).put("session", session)), 201);
  }

  @Test
  @DisplayName("one pre-group meeting, session 1 initial, 2-7 middle, 8 termination, closed after session 1")
  void wholeCourse() {
    Account ana = group.member(0);
    Account ben = group.member(1);
    Account cleo = group.member(2);
    Account f = group.facilitator();
    JsonObject plan = expect(server.get(path(""), f.token()), 200);
    StringBuilder phases = new StringBuilder();
    plan.getJsonArray("plan").forEach(s -> phases.append(((JsonObject) s).getString("phase").charAt(0)));
    assertEquals("immmmmmt", phases.toString());

    // Pre-group: the one individual meeting, held, and the baseline questionnaires.
    for (Account m : group.members()) {
      JsonArray meetings = expect(server.get(path("/members/" + m.id() + "/meetings"), f.token()), 200)
          .getJsonArray("meetings");
      assertEquals(1, meetings.size());
      assertEquals("pre_group", meetings.getJsonObject(0).getString("kind"));
      expect(server.put(path("/members/" + m.id() + "/meetings/pre_group"), f.token(),
          new JsonObject().put("held", true)), 200);
      questionnaire(m, 0, 2);
    }
    List<ChatClient> room = List.of(group.joined(f), group.joined(ana), group.joined(ben), group.joined(cleo));
    Account late = server.newAccount("member", "Late");

    for (int n = 1; n <= 8; n++) {
      JsonObject started = server.startSession(f, group.id());
      assertEquals(n, started.getInteger("number"));
      assertEquals(n == 1 ? "initial" : n == 8 ? "termination" : "middle", started.getString("planPhase"));
      int number = n;
      JsonObject event = room.get(1).await(e -> "session_started".equals(e.getString("kind"))
          && e.getInteger("number") == number, seconds(5));
      assertEquals(started.getString("phase"), event.getString("phase"));
      assertEquals(started.getString("planPhase"), event.getString("planPhase"));
      room.get(1).say(group.id(), "session " + n + " from Ana", null).await();
      if (n == 1) {
        assertEquals(409, server.post(path("/members"), f.token(), new JsonObject().put("userId", late.id()))
            .statusCode(), "enrolment closed once session 1 started");
        for (Account m : group.members()) {
          expect(server.put(path("/members/" + m.id() + "/focus"), f.token(),
              new JsonObject().put("area", "role_transition")), 200);
        }
      }
      if (n == 3) {
        expect(server.call(HttpMethod.DELETE, path("/members/" + cleo.id()), f.token(),
            new JsonObject().put("reason", "moved away")), 200);
        room.get(3).await(e -> "participation_ended".equals(e.getString("kind")), seconds(5));
      }
      if (n == 4) {
        questionnaire(ana, 4, 1);
        questionnaire(ben, 4, 1);
      }
      if (n == 7) {
        post("/phase", new JsonObject().put("phase", "termination"), 409);
      }
      server.endSession(f, group.id());
      if (n == 1) {
        assertTrue(course().getBoolean("behindPlan"), "after session 1 the plan has reached the middle phase");
        post("/phase", new JsonObject().put("phase", "middle"), 200);
      }
      if (n == 7) {
        post("/phase", new JsonObject().put("phase", "termination"), 200);
      }
      JsonObject c = course();
      assertFalse(c.getBoolean("behindPlan"), "session " + n + ": " + c.encode());
      assertFalse(c.getBoolean("aheadOfPlan"), "session " + n + ": " + c.encode());
    }
    questionnaire(ana, 8, 0);
    questionnaire(ben, 8, 0);
    assertEquals(409, server.post(path("/sessions/current/start"), f.token(), null).statusCode());

    JsonObject c = course();
    assertEquals("termination", c.getString("phase"));
    assertEquals("termination", c.getString("planPhase"));
    assertEquals(List.of(0, 4, 8), c.getJsonArray("measurePoints").getList());
    JsonObject board = expect(server.get(path("/dashboard"), f.token()), 200);
    assertEquals(8, board.getInteger("sessionsHeld"));
    JsonObject anaRow = row(board, ana.id());
    assertEquals(8, anaRow.getJsonObject("attendance").getInteger("attended"));
    assertEquals(8, anaRow.getJsonObject("attendance").getInteger("held"));
    assertEquals(3, row(board, cleo.id()).getJsonObject("attendance").getInteger("held"),
        "Cleo counts for the three sessions before her participation ended");
    assertEquals(-16, anaRow.getJsonObject("phq9").getInteger("change"));
    JsonObject roster = expect(server.get(path(""), f.token()), 200);
    assertEquals(3, roster.getJsonArray("members").size());
    assertEquals("termination", roster.getString("phase"));
    List<String> kinds = server.get(path("/events?after=0&limit=1000"), f.token()).bodyAsJsonObject()
        .getJsonArray("events").stream().map(e -> ((JsonObject) e).getString("kind")).toList();
    assertEquals(8, kinds.stream().filter("session_started"::equals).count());
    assertEquals(8, kinds.stream().filter("session_ended"::equals).count());
    assertEquals(2, kinds.stream().filter("phase_changed"::equals).count());
  }

  private static JsonObject row(JsonObject board, long id) {
    return board.getJsonArray("members").stream().map(JsonObject.class::cast).filter(m -> m.getLong("id") == id)
        .findFirst().orElseThrow();
  }
}
