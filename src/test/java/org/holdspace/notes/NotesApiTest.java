package org.holdspace.notes;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.holdspace.db.DatabaseUrl;
import org.holdspace.support.ChatClient;
import org.holdspace.support.LiveGroup;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.holdspace.support.ChatClient.seconds;
import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Progress notes and session summaries over HTTP")
@ExtendWith(TestServerExtension.class)
class NotesApiTest {
  private static TestServer server;

  @RegisterExtension
  final LiveGroup group = LiveGroup.of("Dr. Noor", "Ana", "Ben").started().open(server);

  private String note(String suffix) {
    return "/api/groups/" + group.id() + "/sessions/1/notes/" + group.member(0).id() + suffix;
  }

  @Test
  @DisplayName("draft from the session's facts, edit, sign, then PUT is 409 and addenda 201; members 403; audited")
  void noteLifecycle() {
    TestServer.Account facilitator = group.facilitator();
    TestServer.Account ana = group.member(0);
    ChatClient f = group.joined(facilitator);
    ChatClient a = group.joined(ana);
    group.joined(group.member(1));
    String base = "/api/groups/" + group.id() + "/members/" + ana.id();
    expect(server.post(base + "/measures", ana.token(), new JsonObject().put("instrument", "phq9")
        .put("answers", new JsonArray(List.of(2, 2, 1, 1, 1, 1, 1, 1, 0)))), 201);
    expect(server.post(base + "/homework", facilitator.token(), new JsonObject().put("text", "call my sister")), 201);
    f.request(group.frame("start_round").put("prompt", "One word").put("turnSeconds", 5)).await();
    a.await(e -> "round_turn".equals(e.getString("kind")) && e.getLong("userId") == ana.id(), seconds(5));
    a.request(group.frame("pass")).await();
    f.await(e -> "round_turn".equals(e.getString("kind")) && e.getLong("userId") == group.member(1).id(), seconds(5));

    for (TestServer.Account who : List.of(ana, group.member(1))) {
      assertEquals(403, server.get(note("/draft"), who.token()).statusCode(), "members never see notes");
      assertEquals(403, server.put(note(""), who.token(), new JsonObject().put("text", "x")).statusCode());
    }
    JsonObject draft = expect(server.get(note("/draft"), facilitator.token()), 200);
    JsonObject facts = draft.getJsonObject("facts");
    assertEquals(true, facts.getBoolean("attended"));
    assertEquals(1, facts.getJsonObject("goRound").getInteger("rounds"));
    assertEquals(1, facts.getJsonObject("goRound").getInteger("passed"));
    assertEquals(10, facts.getJsonArray("questionnaires").getJsonObject(0).getInteger("total"));
    assertEquals("call my sister", facts.getJsonArray("homeworkSet").getJsonObject(0).getString("text"));
    String text = draft.getString("text");
    assertTrue(text.startsWith("Session 1: attended."), text);
    assertTrue(text.contains("PHQ9 10 (moderate)") && text.contains("call my sister"), text);

    assertEquals(404, server.get(note(""), facilitator.token()).statusCode(), "no note yet");
    JsonObject saved = expect(server.put(note(""), facilitator.token(), new JsonObject().put("text", text + "ok")), 200);
    assertFalse(saved.getBoolean("signed"));
    expect(server.put(note(""), facilitator.token(), new JsonObject().put("text", "second version")), 200);
    assertEquals(409, server.post(note("/addenda"), facilitator.token(), new JsonObject().put("text", "x"))
        .statusCode(), "addenda are for signed notes");
    JsonObject signed = expect(server.post(note("/sign"), facilitator.token(), null), 200);
    assertTrue(signed.getBoolean("signed"));
    assertEquals(facilitator.id(), signed.getLong("signedBy"));
    assertEquals("second version", signed.getString("text"));
    assertConflict(server.put(note(""), facilitator.token(), new JsonObject().put("text", "changed")));
    assertConflict(server.post(note("/sign"), facilitator.token(), null));
    HttpResponse<Buffer> added = server.post(note("/addenda"), facilitator.token(),
        new JsonObject().put("text", "phoned the next day"));
    assertEquals(201, added.statusCode(), added::bodyAsString);
    assertEquals("phoned the next day", added.bodyAsJsonObject().getJsonArray("addenda").getJsonObject(0)
        .getString("text"));
    JsonObject read = expect(server.get(note(""), facilitator.token()), 200);
    assertEquals("second version", read.getString("text"));
    assertEquals(1, read.getJsonArray("addenda").size());
    assertEquals(403, server.post(note("/addenda"), ana.token(), new JsonObject().put("text", "x")).statusCode());

    List<String> audit = column("SELECT action || ' ' || detail::text FROM audit_log WHERE group_id = "
        + group.id() + " AND action LIKE 'note.%' ORDER BY id");
    assertEquals(List.of("note.draft_read", "note.write", "note.write", "note.sign", "note.addendum", "note.read"),
        audit.stream().map(s -> s.split(" ")[0]).toList());
    assertTrue(audit.stream().noneMatch(s -> s.contains("version") || s.contains("phoned") || s.contains("sister")),
        audit.toString());
    assertEquals(404, server.get("/api/groups/" + group.id() + "/sessions/13/notes/" + ana.id() + "/draft",
        facilitator.token()).statusCode(), "a session after the course's last");
  }

  @Test
  @DisplayName("a facilitator publishes a summary with a summary_published event; members and facilitators read it")
  void summaries() {
    TestServer.Account facilitator = group.facilitator();
    ChatClient a = group.joined(group.member(0));
    String path = "/api/groups/" + group.id() + "/sessions/1/summary";
    assertEquals(404, server.get(path, group.member(0).token()).statusCode(), "nothing published yet");
    assertEquals(403, server.put(path, group.member(0).token(), new JsonObject().put("text", "x")).statusCode());
    JsonObject published = expect(server.put(path, facilitator.token(),
        new JsonObject().put("text", "We talked about changes at work.")), 200);
    assertEquals(1, published.getInteger("number"));
    JsonObject event = a.await(e -> "summary_published".equals(e.getString("kind")), seconds(5));
    assertEquals(1, event.getInteger("number"));
    assertFalse(event.containsKey("text"), "the event carries the number only");
    for (TestServer.Account who : List.of(group.member(0), group.member(1), facilitator)) {
      JsonObject s = expect(server.get(path, who.token()), 200);
      assertEquals("We talked about changes at work.", s.getString("text"));
      assertTrue(s.getString("at").endsWith("Z"));
    }
    TestServer.Account outsider = server.newAccount("member", "Stranger");
    assertEquals(403, server.get(path, outsider.token()).statusCode());
    assertEquals(404, server.put("/api/groups/" + group.id() + "/sessions/13/summary", facilitator.token(),
        new JsonObject().put("text", "x")).statusCode());
    assertEquals(400, server.put(path, facilitator.token(), new JsonObject().put("text", "")).statusCode());
  }

  private static void assertConflict(HttpResponse<Buffer> response) {
    assertEquals(409, response.statusCode(), response::bodyAsString);
    assertEquals("conflict", response.bodyAsJsonObject().getString("code"));
  }

  private static List<String> column(String sql) {
    DatabaseUrl url = DatabaseUrl.parse(server.config().databaseUrl().orElseThrow());
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
         ResultSet r = c.createStatement().executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (r.next()) {
        values.add(r.getString(1));
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
