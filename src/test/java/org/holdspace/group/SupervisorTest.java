package org.holdspace.group;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.holdspace.support.AuditTrail;
import org.holdspace.support.ChatClient;
import org.holdspace.support.LiveGroup;
import org.holdspace.support.Refusals;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.holdspace.support.ChatClient.seconds;
import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Supervisors: read every facilitator-visible record of their group (audited), get its alerts, write nothing")
@ExtendWith(TestServerExtension.class)
class SupervisorTest {
  private static TestServer server;

  @RegisterExtension
  final LiveGroup group = LiveGroup.of("Dr. Run", "Ana", "Ben").started();

  private TestServer.Account supervisor;

  private String g(String rest) {
    return "/api/groups/" + group.id() + rest;
  }

  private String member(String rest) {
    return g("/members/" + group.member(0).id() + rest);
  }

  /** The group, with a supervisor added by the admin. */
  private void open() {
    group.open(server);
    supervisor = server.newAccount("supervisor", "Dr. Oversight");
    expect(server.post(g("/supervisors"), server.adminToken(), new JsonObject().put("userId", supervisor.id())), 201);
  }

  @Test
  @DisplayName("admins make supervisor accounts, change roles to it, and add (201), list and remove (204) "
      + "supervisors, each audited; facilitators and supervisors may not; wrong ids 400/404/409")
  void management() {
    group.open(server);
    TestServer.Account sup = server.newAccount("supervisor", "Dr. Watch");
    TestServer.Account becoming = server.newAccount("facilitator", "Dr. Becoming");
    JsonObject patched = expect(server.call(HttpMethod.PATCH, "/api/users/" + becoming.id(), server.adminToken(),
        new JsonObject().put("role", "supervisor")), 200);
    assertEquals("supervisor", patched.getString("role"));
    JsonObject body = new JsonObject().put("userId", sup.id());
    assertEquals(403, server.post(g("/supervisors"), group.facilitator().token(), body).statusCode());
    JsonObject added = expect(server.post(g("/supervisors"), server.adminToken(), body), 201);
    assertEquals("Dr. Watch", added.getString("displayName"));
    assertEquals(409, server.post(g("/supervisors"), server.adminToken(), body).statusCode());
    assertEquals(403, server.post(g("/supervisors"), sup.token(),
        new JsonObject().put("userId", becoming.id())).statusCode(), "a supervisor adds nobody");
    assertEquals(400, server.post(g("/supervisors"), server.adminToken(),
        new JsonObject().put("userId", group.facilitator().id())).statusCode(), "only supervisor accounts");
    assertEquals(404, server.post(g("/supervisors"), server.adminToken(),
        new JsonObject().put("userId", 999_999)).statusCode());
    assertEquals(404, server.post("/api/groups/999999/supervisors", server.adminToken(), body).statusCode());
    JsonArray listed = new JsonArray(expect200(g("/supervisors"), group.facilitator().token()).bodyAsString());
    assertEquals(List.of(sup.id()), ids(listed));
    assertEquals(List.of(sup.id()), ids(expect(server.get(g(""), sup.token()), 200).getJsonArray("supervisors")));
    assertNull(expect(server.get(g(""), group.member(0).token()), 200).getJsonArray("supervisors"),
        "members are not shown the supervisors");
    assertEquals(403, server.get(g("/supervisors"), group.member(0).token()).statusCode());
    assertEquals(403, server.call(HttpMethod.DELETE, g("/supervisors/" + sup.id()), group.facilitator().token(), null)
        .statusCode());
    assertEquals(204, server.call(HttpMethod.DELETE, g("/supervisors/" + sup.id()), server.adminToken(), null)
        .statusCode());
    assertEquals(404, server.call(HttpMethod.DELETE, g("/supervisors/" + sup.id()), server.adminToken(), null)
        .statusCode());
    assertEquals(403, server.get(g(""), sup.token()).statusCode(), "a removed supervisor reads nothing");
    assertEquals(1, AuditTrail.count(server, group.id(), "group.supervisor_add", null, sup.id()));
    assertEquals(1, AuditTrail.count(server, group.id(), "group.supervisor_remove", null, sup.id()));
  }

  @Test
  @DisplayName("reads the group, alerts, clinical data, dashboard, attendance, events, notes, summaries, safety plan, "
      + "homework due and the group's audit trail; every read is audited")
  void reads() {
    open();
    TestServer.Account f = group.facilitator();
    expect(server.put(member("/focus"), f.token(), new JsonObject().put("area", "grief").put("goal", "talk")), 200);
    expect(server.post(member("/measures"), group.member(0).token(), new JsonObject().put("instrument", "phq9")
        .put("answers", new JsonArray(List.of(1, 1, 1, 1, 1, 1, 1, 1, 1)))), 201);
    expect(server.put(g("/sessions/1/notes/" + group.member(0).id()), f.token(),
        new JsonObject().put("text", "draft in progress")), 200);
    expect(server.put(g("/sessions/1/summary"), f.token(), new JsonObject().put("text", "we met")), 200);

    JsonObject seen = expect(server.get(g(""), supervisor.token()), 200);
    assertEquals("grief", seen.getJsonArray("members").getJsonObject(0).getString("focusArea"),
        "the facilitators' view, with focus areas");
    assertEquals("supervisor", seen.getJsonObject("you").getString("role"));
    assertEquals(1, new JsonArray(expect200(g("/alerts"), supervisor.token()).bodyAsString()).size(),
        "the PHQ-9 item 9 alert");
    Map<String, String> reads = Map.ofEntries(
        Map.entry(g("/clinical"), "clinical.read"),
        Map.entry(g("/dashboard"), "dashboard.read"),
        Map.entry(g("/attendance"), "attendance.read"),
        Map.entry(g("/events"), "events.read"),
        Map.entry(g("/homework/due"), "homework.read_group"),
        Map.entry(g("/sessions/1/summary"), "summary.read"),
        Map.entry(g("/sessions/1/notes/" + group.member(0).id()), "note.read"),
        Map.entry(g("/sessions/1/notes/" + group.member(0).id() + "/draft"), "note.draft_read"),
        Map.entry(member("/measures"), "measures.read"),
        Map.entry(member("/outcomes"), "outcomes.read"),
        Map.entry(member("/inventory"), "inventory.read"),
        Map.entry(member("/focus"), "focus.read"),
        Map.entry(member("/homework"), "homework.read"),
        Map.entry(member("/meetings"), "meetings.read"),
        Map.entry(member("/report-cards"), "report_cards.read"),
        Map.entry(member("/safety-plan"), "safety_plan.read"),
        Map.entry(member("/fhir"), "fhir.export"),
        Map.entry(g("/audit"), "audit.read"));
    reads.forEach((path, action) -> {
      expect200(path, supervisor.token());
      assertEquals(1, AuditTrail.count(server, group.id(), action, supervisor.id(), null), action + " audited");
    });
    assertEquals(1, AuditTrail.count(server, group.id(), "alerts.read", supervisor.id(), null));
    assertEquals(1, AuditTrail.count(server, group.id(), "group.read_focus", supervisor.id(), null));
    JsonArray trail = new JsonArray(expect200(g("/audit"), supervisor.token()).bodyAsString());
    assertTrue(trail.stream().anyMatch(e -> "note.write".equals(((JsonObject) e).getString("action"))),
        "the trail shows the facilitators' acts");
    assertFalse(trail.encode().contains("draft in progress"), "the trail carries no clinical text");
    assertEquals(403, server.get(g("/audit"), f.token()).statusCode(), "the audit trail is the supervisors'");
    assertEquals(403, server.get(g("/audit"), group.member(0).token()).statusCode());
    JsonArray mine = new JsonArray(expect200("/api/groups", supervisor.token()).bodyAsString());
    assertEquals("supervisor", mine.getJsonObject(0).getString("role"), "the group is among the supervisor's");
  }

  @Test
  @DisplayName("every write answers 403 forbidden and changes nothing")
  void writesRefused() {
    open();
    TestServer.Account f = group.facilitator();
    long alertId = expect(server.post(g("/help"), group.member(0).token(), null), 201).getJsonObject("alert")
        .getLong("id");
    TestServer.Account candidate = server.newAccount("member", "Cand");
    TestServer.Account colleague = server.newAccount("facilitator", "Dr. Col");
    String note = g("/sessions/1/notes/" + group.member(0).id());
    List<Object[]> writes = List.of(
        new Object[] {HttpMethod.POST, g("/members"), new JsonObject().put("userId", candidate.id())},
        new Object[] {HttpMethod.POST, g("/facilitators"), new JsonObject().put("userId", colleague.id())},
        new Object[] {HttpMethod.DELETE, g("/facilitators/" + f.id()), null},
        new Object[] {HttpMethod.PUT, member("/focus"), new JsonObject().put("area", "grief")},
        new Object[] {HttpMethod.PUT, member("/inventory"), new JsonObject().put("relationships", new JsonArray())},
        new Object[] {HttpMethod.POST, member("/measures"), new JsonObject().put("instrument", "phq9")
            .put("answers", new JsonArray(List.of(0, 0, 0, 0, 0, 0, 0, 0, 0)))},
        new Object[] {HttpMethod.POST, member("/homework"), new JsonObject().put("text", "x")},
        new Object[] {HttpMethod.PUT, member("/meetings/pre_group"), new JsonObject().put("held", true)},
        new Object[] {HttpMethod.PUT, member("/safety-plan"), new JsonObject().put("warningSigns",
            new JsonArray().add("x"))},
        new Object[] {HttpMethod.PUT, g("/clinical"), new JsonObject().put("measureEvery", 2)},
        new Object[] {HttpMethod.POST, g("/phase"), new JsonObject().put("phase", "middle")
            .put("overrideReason", "x")},
        new Object[] {HttpMethod.PUT, g("/retention"), new JsonObject().put("retentionDays", 1)},
        new Object[] {HttpMethod.POST, g("/alerts/" + alertId + "/acknowledge"), null},
        new Object[] {HttpMethod.POST, g("/alerts/" + alertId + "/resolve"), new JsonObject().put("outcome", "no_risk")},
        new Object[] {HttpMethod.POST, g("/help"), null},
        new Object[] {HttpMethod.POST, g("/sessions/current/end"), null},
        new Object[] {HttpMethod.PUT, note, new JsonObject().put("text", "a supervisor's words")},
        new Object[] {HttpMethod.POST, note + "/sign", null},
        new Object[] {HttpMethod.POST, note + "/addenda", new JsonObject().put("text", "x")},
        new Object[] {HttpMethod.PUT, g("/sessions/1/summary"), new JsonObject().put("text", "x")},
        new Object[] {HttpMethod.POST, g("/supervisors"), new JsonObject().put("userId", supervisor.id())});
    List<String> wrong = new ArrayList<>();
    for (Object[] w : writes) {
      HttpResponse<Buffer> r = server.call((HttpMethod) w[0], (String) w[1], supervisor.token(), w[2]);
      if (r.statusCode() != 403 || !"forbidden".equals(r.bodyAsJsonObject().getString("code"))) {
        wrong.add(w[0] + " " + w[1] + ": " + r.statusCode() + " " + r.bodyAsString());
      }
    }
    assertEquals(List.of(), wrong);
    assertEquals(404, server.get(note, f.token()).statusCode(), "no note was written");
    assertEquals("open", new JsonArray(expect200(g("/alerts"), f.token()).bodyAsString()).getJsonObject(0)
        .getString("status"));
    assertEquals("live", expect(server.get(g(""), f.token()), 200).getString("sessionStatus"));
    assertEquals(2, expect(server.get(g(""), f.token()), 200).getJsonArray("members").size());
    assertEquals(1, expect(server.get(g(""), f.token()), 200).getJsonArray("facilitators").size());
  }

  @Test
  @DisplayName("on the socket: joins read-only (not present, no join event, not in attendance), gets alert frames "
      + "that members never get, and every message, moderation and member frame is forbidden")
  void socket() {
    open();
    ChatClient facilitator = group.joined(group.facilitator());
    ChatClient ana = group.joined(group.member(0));
    ChatClient sup = group.connect(supervisor);
    JsonObject joined = sup.join(group.id(), null).await();
    assertEquals("supervisor", joined.getJsonObject("you").getString("role"));
    assertFalse(joined.getJsonObject("state").getJsonArray("present").contains(supervisor.id()));
    long said = ana.say(group.id(), "hello everyone", null).await();
    sup.await(e -> "event".equals(e.getString("type")) && e.getLong("seq") == said, seconds(5));
    assertTrue(facilitator.events(group.id()).stream().noneMatch(e -> "join".equals(e.getString("kind"))
        && e.getLong("userId") == supervisor.id()), "nobody sees the supervisor come in");

    List<JsonObject> frames = List.of(
        frame("say").put("text", "a supervisor speaking"),
        frame("whisper").put("text", "psst"),
        frame("whisper").put("text", "psst").put("userId", group.member(0).id()),
        frame("mute").put("userId", group.member(1).id()),
        frame("unmute").put("userId", group.member(1).id()),
        frame("redact").put("seq", said),
        frame("lock"), frame("unlock"),
        frame("remove").put("userId", group.member(1).id()),
        frame("give_floor").put("userId", group.member(1).id()),
        frame("take_floor"),
        frame("slow_mode").put("seconds", 5),
        frame("start_round").put("prompt", "One word"),
        frame("next_turn"), frame("end_round"),
        frame("end_session"), frame("start_session"),
        frame("raise_hand"), frame("lower_hand"), frame("pass"), frame("help"),
        frame("report").put("seq", said),
        frame("typing"));
    List<String> wrong = new ArrayList<>();
    for (JsonObject f : frames) {
      String code = Refusals.errorCode(() -> sup.request(f).await());
      if (!"forbidden".equals(code)) {
        wrong.add(f.getString("type") + ": " + code);
      }
    }
    assertEquals(List.of(), wrong);

    ana.request(frame("help")).await();
    JsonObject alert = sup.await(r -> "alert".equals(r.getString("type")), seconds(5));
    assertEquals("help_request", alert.getJsonObject("alert").getString("kind"));
    facilitator.await(r -> "alert".equals(r.getString("type")), seconds(5));
    long marker = ana.say(group.id(), "after the alert", null).await();
    ana.await(e -> "event".equals(e.getString("type")) && e.getLong("seq") == marker, seconds(5));
    assertTrue(ana.received().stream().noneMatch(r -> "alert".equals(r.getString("type"))), "members get no alerts");

    expect(server.post(g("/sessions/current/end"), group.facilitator().token(), null), 200);
    JsonArray sessions = expect(server.get(g("/attendance"), group.facilitator().token()), 200)
        .getJsonArray("sessions");
    assertTrue(sessions.getJsonObject(0).getJsonArray("attendees").stream()
        .noneMatch(a -> ((JsonObject) a).getLong("userId") == supervisor.id()), "not counted in attendance");
    assertEquals(1, AuditTrail.count(server, group.id(), "room.join", supervisor.id(), null), "the join is audited");
    assertFalse(expect(server.get(g("/events"), group.facilitator().token()), 200).getJsonArray("events").stream()
        .map(e -> ((JsonObject) e).getJsonObject("from"))
        .anyMatch(from -> from != null && from.getLong("id") == supervisor.id()), "no event of the supervisor");
  }

  @Test
  @DisplayName("a supervisor removed by the admin leaves the room at once and gets no later alert")
  void removedSupervisorSocket() {
    open();
    ChatClient sup = group.joined(supervisor);
    ChatClient ana = group.joined(group.member(0));
    ChatClient facilitator = group.joined(group.facilitator());
    assertEquals(204, server.call(HttpMethod.DELETE, g("/supervisors/" + supervisor.id()), server.adminToken(), null)
        .statusCode());
    sup.await(f -> "left".equals(f.getString("type")), seconds(5));
    ana.request(frame("help")).await();
    facilitator.await(f -> "alert".equals(f.getString("type")), seconds(5));
    assertTrue(sup.received().stream().noneMatch(f -> "alert".equals(f.getString("type"))), "no alert after removal");
    assertEquals("forbidden", Refusals.errorCode(() -> sup.join(group.id(), null).await()));
  }

  private JsonObject frame(String type) {
    return new JsonObject().put("type", type).put("groupId", group.id());
  }

  private static List<Long> ids(JsonArray people) {
    return people.stream().map(o -> ((JsonObject) o).getLong("id")).toList();
  }

  private static HttpResponse<Buffer> expect200(String path, String token) {
    HttpResponse<Buffer> r = server.get(path, token);
    assertEquals(200, r.statusCode(), path + ": " + r.bodyAsString());
    return r;
  }
}
