package org.holdspace.schedule;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServer.Account;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Time zones, moved and cancelled sessions over HTTP")
@ExtendWith(TestServerExtension.class)
class PlanChangesTest {
  private static TestServer server;
  private static Account facilitator;
  private static Account member;

  @BeforeAll
  static void accounts() {
    facilitator = server.newAccount("facilitator", "Dr. Calendar");
    member = server.newAccount("member", "Mo");
  }

  static JsonObject group(TestServer on, Account f, String zone, Instant first) {
    JsonObject body = new JsonObject().put("name", "Plan group " + System.nanoTime()).put("protocol", "ipt")
        .put("sessionCount", 12).put("firstSessionAt", first.toString());
    if (zone != null) {
      body.put("timeZone", zone);
    }
    return expect(on.post("/api/groups", f.token(), body), 201);
  }

  private static JsonObject patch(long groupId, int number, Account who, Object body, int status) {
    return expect(server.call(HttpMethod.PATCH, "/api/groups/" + groupId + "/sessions/" + number, who.token(), body),
        status);
  }

  private static JsonArray plan(long groupId) {
    return expect(server.get("/api/groups/" + groupId, facilitator.token()), 200).getJsonArray("plan");
  }

  private static Instant nextWeek() {
    return Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
  }

  @Test
  @DisplayName("a group keeps its IANA time zone (UTC by default) and its weekly local time; other names are 400")
  void timeZone() {
    Instant first = Instant.parse("2026-10-13T16:00:00Z");
    JsonObject berlin = group(server, facilitator, "Europe/Berlin", first);
    JsonObject got = expect(server.get("/api/groups/" + berlin.getLong("id"), facilitator.token()), 200);
    assertEquals("Europe/Berlin", got.getString("timeZone"));
    JsonArray plan = got.getJsonArray("plan");
    for (int i = 0; i < plan.size(); i++) {
      Instant at = Instant.parse(plan.getJsonObject(i).getString("scheduledAt"));
      assertEquals(LocalTime.of(18, 0), at.atZone(ZoneId.of("Europe/Berlin")).toLocalTime(), "session " + (i + 1));
    }
    assertEquals("2026-10-27T17:00:00Z", plan.getJsonObject(2).getString("scheduledAt"), "after summer time ends");
    assertEquals("UTC", group(server, facilitator, null, first).getString("timeZone"));
    for (String bad : List.of("Mars/Olympus_Mons", "+02:00", "GMT+2", "", "europe/berlin")) {
      JsonObject refused = expect(server.post("/api/groups", facilitator.token(), new JsonObject().put("name", "Bad")
          .put("protocol", "ipt").put("sessionCount", 12).put("timeZone", bad)), 400);
      assertTrue(refused.getString("message").startsWith("timeZone:"), refused.encode());
    }
    JsonObject notText = expect(server.post("/api/groups", facilitator.token(), new JsonObject().put("name", "Bad")
        .put("protocol", "ipt").put("sessionCount", 12).put("timeZone", 2)), 400);
    assertTrue(notText.getString("message").startsWith("timeZone:"), notText.encode());
  }

  @Test
  @DisplayName("a moved session shows where it came from; a cancelled one keeps its number and is skipped at start")
  void moveAndCancel() {
    Instant first = nextWeek();
    long id = group(server, facilitator, "Europe/Berlin", first).getLong("id");
    server.enrol(facilitator, id, member);
    Instant original3 = Instant.parse(plan(id).getJsonObject(2).getString("scheduledAt"));
    Instant later = original3.plus(Duration.ofHours(26));
    JsonObject moved = patch(id, 3, facilitator, new JsonObject().put("scheduledAt", later.toString()), 200);
    assertEquals(3, moved.getInteger("number"));
    assertEquals(later.toString(), moved.getString("scheduledAt"));
    assertEquals(original3.toString(), moved.getString("movedFrom"));
    assertFalse(moved.getBoolean("cancelled"));
    JsonObject cancelled = patch(id, 2, facilitator, new JsonObject().put("cancelled", true), 200);
    assertTrue(cancelled.getBoolean("cancelled"));
    assertNull(cancelled.getString("movedFrom"));

    JsonArray plan = plan(id);
    assertEquals(12, plan.size(), "numbers stay: nothing is added or removed");
    assertTrue(plan.getJsonObject(1).getBoolean("cancelled"));
    assertEquals(later.toString(), plan.getJsonObject(2).getString("scheduledAt"));
    assertEquals(original3.toString(), plan.getJsonObject(2).getString("movedFrom"));
    JsonArray memberView = expect(server.get("/api/groups/" + id, member.token()), 200).getJsonArray("plan");
    assertEquals(plan, memberView, "members see the same plan");

    assertEquals(1, server.startSession(facilitator, id).getInteger("number"));
    server.endSession(facilitator, id);
    JsonObject third = server.startSession(facilitator, id);
    assertEquals(3, third.getInteger("number"), "session 2 is cancelled, so session 3 comes next");
    assertEquals("initial", third.getString("phase"), "the phase is the plan's for session 3");

    for (int held : List.of(1, 2, 3)) {
      JsonObject refused = patch(id, held, facilitator, new JsonObject().put("cancelled", held == 2 ? false : true),
          409);
      assertEquals("conflict", refused.getString("code"));
    }
    patch(id, 99, facilitator, new JsonObject().put("cancelled", true), 404);
    patch(id, 4, member, new JsonObject().put("cancelled", true), 403);
    assertEquals(plan.getJsonObject(3), plan(id).getJsonObject(3));

    JsonArray events = expect(server.get("/api/groups/" + id + "/events?after=0", member.token()), 200)
        .getJsonArray("events");
    List<JsonObject> scheduled = events.stream().map(JsonObject.class::cast)
        .filter(e -> "session_scheduled".equals(e.getString("kind"))).toList();
    assertEquals(2, scheduled.size(), "each change is an event of the group's log: " + events.encode());
    assertEquals(3, scheduled.get(0).getInteger("number"));
    assertEquals(later.toString(), scheduled.get(0).getString("scheduledAt"));
    assertEquals(2, scheduled.get(1).getInteger("number"));
    assertTrue(scheduled.get(1).getBoolean("cancelled"));

    JsonArray audit = new JsonArray(server.get("/api/audit?groupId=" + id, server.adminToken()).bodyAsString());
    long changes = audit.stream().map(JsonObject.class::cast)
        .filter(e -> "session.schedule".equals(e.getString("action"))).count();
    assertEquals(2, changes, audit.encode());
  }

  @Test
  @DisplayName("a bad body is 400 and changes nothing; a move past a neighbour is 409; moving back clears movedFrom")
  void badBodiesAndOrder() {
    long id = group(server, facilitator, null, nextWeek()).getLong("id");
    JsonArray before = plan(id);
    for (Object bad : List.of(new JsonObject(), new JsonObject().put("cancelled", "yes"),
        new JsonObject().put("scheduledAt", "next tuesday"), new JsonObject().put("scheduledAt", 5),
        new JsonObject().put("cancelled", true).put("room", "B"), new JsonObject().put("scheduledAt", (String) null),
        "[1]", "not json")) {
      JsonObject refused = patch(id, 4, facilitator, bad, 400);
      assertEquals("bad_request", refused.getString("code"), bad.toString());
    }
    assertEquals(before, plan(id));

    Instant s5 = Instant.parse(before.getJsonObject(4).getString("scheduledAt"));
    JsonObject order = patch(id, 4, facilitator, new JsonObject().put("scheduledAt", s5.toString()), 409);
    assertTrue(order.getString("message").startsWith("scheduledAt:"), order.encode());
    assertEquals(before, plan(id));

    // With session 5 cancelled, session 4 may move past its time (but not past session 6).
    patch(id, 5, facilitator, new JsonObject().put("cancelled", true), 200);
    Instant pastFive = s5.plus(Duration.ofDays(2));
    patch(id, 4, facilitator, new JsonObject().put("scheduledAt", pastFive.toString()), 200);
    JsonObject restore = patch(id, 5, facilitator, new JsonObject().put("cancelled", false), 409);
    assertTrue(restore.getString("message").contains("session 4"), restore.encode());
    Instant original4 = Instant.parse(before.getJsonObject(3).getString("scheduledAt"));
    JsonObject back = patch(id, 4, facilitator, new JsonObject().put("scheduledAt", original4.toString()), 200);
    assertNull(back.getString("movedFrom"), "moved back to its planned time");
    assertFalse(patch(id, 5, facilitator, new JsonObject().put("cancelled", false), 200).getBoolean("cancelled"));
    assertEquals(before, plan(id));
  }

  @Test
  @DisplayName("when the sessions left are all cancelled, starting another is 409")
  void lastCancelled() {
    long id = expect(server.post("/api/groups", facilitator.token(), new JsonObject().put("name", "Short")
        .put("protocol", "ipt").put("sessionCount", 12).put("firstSessionAt", nextWeek().toString())), 201)
        .getLong("id");
    for (int n = 2; n <= 12; n++) {
      patch(id, n, facilitator, new JsonObject().put("cancelled", true), 200);
    }
    server.startSession(facilitator, id);
    server.endSession(facilitator, id);
    JsonObject refused = expect(server.post("/api/groups/" + id + "/sessions/current/start", facilitator.token(),
        null), 409);
    assertEquals("conflict", refused.getString("code"));
  }
}
