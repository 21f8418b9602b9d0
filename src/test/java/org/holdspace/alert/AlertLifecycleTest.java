package org.holdspace.alert;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.holdspace.support.ChatClient;
import org.holdspace.support.LiveGroup;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.holdspace.support.ChatClient.seconds;
import static org.holdspace.support.Refusals.errorCode;
import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Alerts: raised, acknowledged, resolved, about the right member")
class AlertLifecycleTest {
  private static final String METRICS_TOKEN = "a-scraper-token-for-tests";
  @RegisterExtension
  static final TestServerExtension SERVER = TestServerExtension.with(Map.of("metricsToken", METRICS_TOKEN));
  private static TestServer server;
  @RegisterExtension
  final LiveGroup group = LiveGroup.of("Dr. Hale", "Ana", "Ben").started().open(server);
  private final TestServer.Account facilitator = group.facilitator();
  private final TestServer.Account ana = group.member(0);
  private final TestServer.Account ben = group.member(1);
  private final long groupId = group.id();
  private final String base = "/api/groups/" + group.id();

  private static Predicate<JsonObject> alert(String status) {
    return e -> "alert".equals(e.getString("type")) && status.equals(e.getJsonObject("alert").getString("status"));
  }

  private JsonArray alerts(String query) {
    return new JsonArray(server.get(base + "/alerts" + query, facilitator.token()).bodyAsString());
  }

  @Test
  @DisplayName("a help request is acknowledged and resolved, each step pushed whole to the facilitators only")
  void lifecycle() {
    ChatClient f = group.joined(facilitator);
    ChatClient a = group.joined(ana);
    JsonObject help = expect(server.post(base + "/help", ana.token(), null), 201);
    assertFalse(help.getJsonArray("resources").isEmpty());
    long id = help.getJsonObject("alert").getLong("id");
    JsonObject raised = f.await(alert("open"), seconds(5)).getJsonObject("alert");
    assertEquals("help_request", raised.getString("kind"));
    assertEquals(ana.id(), raised.getLong("userId"));
    assertEquals(groupId, raised.getLong("groupId"));

    assertEquals(403, server.post(base + "/alerts/" + id + "/acknowledge", ana.token(), null).statusCode());
    JsonObject acked = expect(server.post(base + "/alerts/" + id + "/acknowledge", facilitator.token(), null), 200);
    assertEquals("acknowledged", acked.getString("status"));
    assertEquals(facilitator.id(), acked.getLong("acknowledgedBy"));
    assertNotNull(acked.getString("acknowledgedAt"));
    assertEquals(acked, f.await(alert("acknowledged"), seconds(5)).getJsonObject("alert"));
    assertEquals(acked, expect(server.post(base + "/alerts/" + id + "/acknowledge", facilitator.token(), null), 200),
        "acknowledging again changes nothing");
    assertEquals(1, alerts("?status=acknowledged").size());
    assertEquals(0, alerts("?status=open").size());
    JsonObject member = expect(server.get(base + "/dashboard", facilitator.token()), 200).getJsonArray("members")
        .getJsonObject(0);
    assertEquals("acknowledged", member.getJsonArray("openAlerts").getJsonObject(0).getString("status"));

    assertEquals(400, server.post(base + "/alerts/" + id + "/resolve", facilitator.token(),
        new JsonObject().put("outcome", "fine")).statusCode());
    assertEquals(400, server.post(base + "/alerts/" + id + "/resolve", facilitator.token(),
        new JsonObject().put("outcome", "other").put("note", "x".repeat(2001))).statusCode());
    JsonObject resolved = expect(server.post(base + "/alerts/" + id + "/resolve", facilitator.token(),
        new JsonObject().put("outcome", "safety_plan").put("note", "Went through her plan; calls her sister")), 200);
    assertEquals("resolved", resolved.getString("status"));
    assertEquals("safety_plan", resolved.getString("outcome"));
    assertEquals("Went through her plan; calls her sister", resolved.getString("note"));
    assertEquals(resolved, f.await(alert("resolved"), seconds(5)).getJsonObject("alert"));
    assertEquals(409, server.post(base + "/alerts/" + id + "/resolve", facilitator.token(),
        new JsonObject().put("outcome", "other")).statusCode());
    assertEquals(1, alerts("?status=resolved").size());
    assertEquals(400, server.get(base + "/alerts?status=closed", facilitator.token()).statusCode());
    assertTrue(expect(server.get(base + "/dashboard", facilitator.token()), 200).getJsonArray("members")
        .getJsonObject(0).getJsonArray("openAlerts").isEmpty());

    assertTrue(a.received().stream().noneMatch(e -> "alert".equals(e.getString("type"))));
    String audit = server.get("/api/audit?groupId=" + groupId, server.adminToken()).bodyAsString();
    for (String action : List.of("alert.raise", "alert.acknowledge", "alert.resolve")) {
      assertTrue(audit.contains("\"" + action + "\""), action);
    }
    assertFalse(audit.contains("calls her sister"), "the note is not in the audit log");
  }

  @Test
  @DisplayName("an unknown alert, or one of another group, is 404")
  void unknown() {
    long id = expect(server.post(base + "/help", ana.token(), null), 201).getJsonObject("alert").getLong("id");
    TestServer.Account other = server.newAccount("facilitator", "Dr. Other");
    long otherGroup = server.newGroup(other, "ipt", 12).getLong("id");
    String path = "/api/groups/" + otherGroup + "/alerts/" + id;
    assertEquals(404, server.post(path + "/acknowledge", other.token(), null).statusCode());
    assertEquals(404, server.post(path + "/resolve", other.token(), new JsonObject().put("outcome", "other"))
        .statusCode());
    assertEquals(404, server.post(base + "/alerts/999999/acknowledge", facilitator.token(), null).statusCode());
  }

  @Test
  @DisplayName("a report is about the message's author, counted once, and only of messages of the group")
  void report() {
    ChatClient f = group.joined(facilitator);
    ChatClient a = group.joined(ana);
    ChatClient b = group.joined(ben);
    long seq = b.say(groupId, "nobody would even notice if I was gone", null).await();
    f.await(e -> "alert".equals(e.getString("type")) && "risk_phrase".equals(e.getJsonObject("alert")
        .getString("kind")), seconds(5));
    a.request(group.frame("report").put("seq", seq).put("reason", "I am worried about Ben")).await();
    JsonObject report = f.await(e -> "alert".equals(e.getString("type"))
        && "report".equals(e.getJsonObject("alert").getString("kind")), seconds(5)).getJsonObject("alert");
    assertEquals(ben.id(), report.getLong("userId"), "the alert is about the author");
    assertEquals(seq, report.getJsonObject("ref").getLong("seq"));
    assertEquals(ana.id(), report.getJsonObject("ref").getLong("reporterId"));
    a.request(group.frame("report").put("seq", seq)).await();
    assertEquals("not_found", errorCode(() -> a.request(group.frame("report").put("seq", seq + 1000)).await()));
    assertEquals("not_found", errorCode(() -> a.request(group.frame("report").put("seq", 1)).await()),
        "the session's start (seq 1) is not a message");
    assertEquals(1, alerts("").stream().map(JsonObject.class::cast)
        .filter(x -> "report".equals(x.getString("kind"))).count(), "the repeated report added nothing");
  }

  @Test
  @DisplayName("private messages are screened in both directions, the alert about the member")
  void whispers() {
    ChatClient f = group.joined(facilitator);
    ChatClient a = group.joined(ana);
    a.request(group.frame("whisper").put("text", "I want to kill myself")).await();
    JsonObject first = f.await(alert("open"), seconds(5)).getJsonObject("alert");
    assertEquals("risk_phrase", first.getString("kind"));
    assertEquals(ana.id(), first.getLong("userId"));
    assertNotNull(first.getJsonObject("ref").getLong("whisperId"));
    assertNull(first.getJsonObject("ref").getLong("seq"));
    f.request(group.frame("whisper").put("userId", ana.id())
        .put("text", "You said you have been stockpiling pills, can we talk?")).await();
    f.await(e -> alert("open").test(e) && e.getJsonObject("alert").getLong("id") != first.getLong("id"),
        seconds(5));
    f.request(group.frame("whisper").put("userId", ana.id()).put("text", "See you on Tuesday")).await();
    assertEquals(2, alerts("").size());
    assertTrue(a.received().stream().noneMatch(e -> "alert".equals(e.getString("type"))));
  }

  @Test
  @DisplayName("a member asks for help over the socket; anyone signed in can read the crisis resources")
  void helpFrame() {
    ChatClient f = group.joined(facilitator);
    ChatClient a = group.joined(ana);
    a.request(group.frame("help")).await();
    assertEquals("help_request", f.await(alert("open"), seconds(5)).getJsonObject("alert").getString("kind"));
    assertEquals("forbidden", errorCode(() -> f.request(group.frame("help")).await()));
    JsonArray resources = new JsonArray(server.get("/api/crisis-resources", ben.token()).bodyAsString());
    assertTrue(resources.getJsonObject(0).getString("text").contains("emergency number"));
    assertEquals(401, server.get("/api/crisis-resources", null).statusCode());
  }

  @Test
  @DisplayName("the follow-up is measured: time to acknowledge and resolve, and the open alerts")
  void metrics() {
    long id = expect(server.post(base + "/help", ana.token(), null), 201).getJsonObject("alert").getLong("id");
    expect(server.post(base + "/alerts/" + id + "/resolve", facilitator.token(),
        new JsonObject().put("outcome", "no_risk")), 200);
    String metrics = server.get("/metrics", METRICS_TOKEN).bodyAsString();
    assertTrue(metrics.contains("holdspace_alert_time_to_acknowledge_seconds_bucket"), metrics);
    assertTrue(metrics.contains("holdspace_alert_time_to_resolve_seconds_count"));
    assertTrue(metrics.contains("holdspace_alerts_open"));
  }
}
