package org.holdspace.retention;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import org.holdspace.audit.AuditLog;
import org.holdspace.db.DatabaseUrl;
import org.holdspace.support.ChatClient;
import org.holdspace.support.TestDatabase;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.holdspace.support.ChatClient.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The retention job, run with a chosen "now" against groups whose last session ended at chosen dates: it purges
 * what was said once a group's retention has run out, keeps events, seqs and clinical data, and does it once.
 */
@DisplayName("Retention")
@ExtendWith(TestServerExtension.class)
class RetentionTest {
  private static TestServer server;
  private static Pool pool;
  private static RetentionJob job;
  private static TestServer.Account facilitator;
  private static TestServer.Account member;

  @BeforeAll
  static void start() {
    DatabaseUrl url = server.server().databaseUrl();
    pool = PgBuilder.pool().connectingTo(url.connectOptions()).using(server.clientVertx()).build();
    job = new RetentionJob(pool, new AuditLog());
    facilitator = server.newAccount("facilitator", "Dr. Keep");
    member = server.newAccount("member", "May");
  }

  @AfterAll
  static void stop() {
    pool.close().await();
  }

  /** A group with a session's worth of talk: messages, a redaction, a whisper, a report, a focus area. */
  private static long groupWithTalk(Integer retentionDays) {
    return groupWithTalk(retentionDays, member);
  }

  private static long groupWithTalk(Integer retentionDays, TestServer.Account member) {
    JsonObject body = new JsonObject().put("name", "Kept " + System.nanoTime()).put("protocol", "ipt")
        .put("sessionCount", 12);
    if (retentionDays != null) {
      body.put("retentionDays", retentionDays);
    }
    JsonObject group = TestServer.expect(server.post("/api/groups", facilitator.token(), body), 201);
    assertEquals(retentionDays, group.getInteger("retentionDays"));
    long groupId = group.getLong("id");
    server.enrol(facilitator, groupId, member);
    TestServer.expect(server.put("/api/groups/" + groupId + "/members/" + member.id() + "/focus", facilitator.token(),
        new JsonObject().put("area", "grief").put("goal", "speak about my father")), 200);
    server.startSession(facilitator, groupId);
    ChatClient m = server.connect(member);
    ChatClient f = server.connect(facilitator);
    long said = m.say(groupId, "my father died in March", "r-1").await();
    m.say(groupId, "I miss him", null).await();
    long redacted = f.say(groupId, "a message redacted before", null).await();
    f.request(new JsonObject().put("type", "redact").put("groupId", groupId).put("seq", redacted)).await();
    m.request(new JsonObject().put("type", "whisper").put("groupId", groupId).put("text", "a private word")).await();
    m.request(new JsonObject().put("type", "report").put("groupId", groupId).put("seq", said)
        .put("reason", "a reason in the member's words")).await();
    m.close();
    f.close();
    server.endSession(facilitator, groupId);
    return groupId;
  }

  /** Makes the group's course end at the given time: every session held, the last one ending then. */
  private static void courseEnded(long groupId, Instant at) {
    TestDatabase.execute(server.server().databaseUrl(), "UPDATE group_sessions SET ended_at = '" + at
        + "' WHERE group_id = " + groupId);
  }

  private static JsonArray history(long groupId) {
    return TestServer.expect(server.get("/api/groups/" + groupId + "/events?limit=1000", facilitator.token()), 200)
        .getJsonArray("events");
  }

  private static String scalar(String sql) throws SQLException {
    DatabaseUrl url = server.server().databaseUrl();
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
         Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getString(1);
    }
  }

  @Test
  @DisplayName("purges texts N days after the course ends, keeps events, seqs and clinical data, and only once")
  void purgesWhenDue() throws SQLException {
    Instant now = Instant.now();
    long due = groupWithTalk(30);
    long notYet = groupWithTalk(30);
    long keptForever = groupWithTalk(null);
    long ongoing = groupWithTalk(0);
    job.purge(now.plus(Duration.ofDays(30))).await(); // whatever other tests left due is purged first
    courseEnded(due, now.minus(Duration.ofDays(31)));
    courseEnded(notYet, now.minus(Duration.ofDays(10)));
    courseEnded(keptForever, now.minus(Duration.ofDays(3650)));
    JsonArray before = history(due);

    RetentionJob.Purged first = job.purge(now).await();
    assertEquals(List.of(2, 1, 1), List.of(first.messages(), first.whispers(), first.reasons()),
        "two messages (one was redacted), a whisper, a reason: " + first);

    JsonArray after = history(due);
    assertEquals(before.size(), after.size(), "every event is kept");
    for (int i = 0; i < after.size(); i++) {
      JsonObject was = before.getJsonObject(i);
      JsonObject is = after.getJsonObject(i);
      assertEquals(was.getLong("seq"), is.getLong("seq"));
      assertEquals(was.getString("kind"), is.getString("kind"));
      assertFalse(is.containsKey("text"), "no text survives: " + is.encode());
      if ("message".equals(is.getString("kind")) && !is.getBoolean("redacted", false)) {
        assertTrue(is.getBoolean("purged"), is.encode());
        assertEquals(was.getString("clientId"), is.getString("clientId"));
      }
    }
    assertEquals("", scalar("SELECT text FROM whispers WHERE group_id = " + due));
    assertEquals("1", scalar("SELECT count(*) FROM alerts WHERE group_id = " + due + " AND kind = 'report' "
        + "AND NOT ref ? 'reason' AND ref ? 'seq'"), "the report stays, without the member's words");
    assertEquals("grief", scalar("SELECT focus_area FROM group_members WHERE group_id = " + due
        + " AND role = 'member'"), "clinical data is kept");
    assertEquals("1", scalar("SELECT count(*) FROM audit_log WHERE action = 'retention.purge' AND group_id = " + due));

    for (long kept : List.of(notYet, keptForever, ongoing)) {
      assertEquals("2", scalar("SELECT count(*) FROM group_events WHERE group_id = " + kept
          + " AND kind = 'message' AND body ? 'text'"), "group " + kept + " keeps its words");
    }
    RetentionJob.Purged again = job.purge(now).await();
    assertEquals(0, again.messages() + again.whispers() + again.reasons(), "a second run changes nothing");

    RetentionJob.Purged later = job.purge(now.plus(Duration.ofDays(21))).await();
    assertEquals(List.of(2, 1, 1), List.of(later.messages(), later.whispers(), later.reasons()),
        "twenty-one days on, the second group is due too: " + later);
    assertEquals("2", scalar("SELECT count(*) FROM group_events WHERE group_id = " + keptForever
        + " AND kind = 'message' AND body ? 'text'"), "no retention set: kept");
    assertEquals("2", scalar("SELECT count(*) FROM group_events WHERE group_id = " + ongoing
        + " AND kind = 'message' AND body ? 'text'"), "the course has not ended: kept");
  }

  @Test
  @DisplayName("a course whose last sessions are cancelled is over when its last held session ends")
  void cancelledEnding() throws SQLException {
    Instant now = Instant.now();
    long groupId = groupWithTalk(30, server.newAccount("member", "Noor"));
    job.purge(now.plus(Duration.ofDays(30))).await();
    TestDatabase.execute(server.server().databaseUrl(), "UPDATE group_sessions SET ended_at = '"
        + now.minus(Duration.ofDays(31)) + "' WHERE group_id = " + groupId + " AND number <= 10");
    assertEquals(0, job.purge(now).await().messages(), "sessions 11 and 12 are still to come");
    TestDatabase.execute(server.server().databaseUrl(), "UPDATE group_sessions SET cancelled_at = now() "
        + "WHERE group_id = " + groupId + " AND number IN (11, 12)");
    assertEquals(2, job.purge(now).await().messages(), "with the rest cancelled, the course ended 31 days ago");
    assertEquals("0", scalar("SELECT count(*) FROM group_events WHERE group_id = " + groupId
        + " AND kind = 'message' AND body ? 'text'"));
  }

  @Test
  @DisplayName("a purged group replays its messages without text to a joining socket")
  void replayAfterPurge() {
    long groupId = groupWithTalk(7);
    courseEnded(groupId, Instant.now().minus(Duration.ofDays(8)));
    job.purge(Instant.now()).await();
    ChatClient f = server.connect(facilitator);
    long lastSeq = f.join(groupId, 0L).await().getLong("lastSeq");
    f.await(e -> "event".equals(e.getString("type")) && e.getLong("seq") >= lastSeq, seconds(5));
    assertTrue(f.events(groupId).stream().filter(e -> "message".equals(e.getString("kind")))
        .noneMatch(e -> e.containsKey("text")));
    f.close();
  }

  @Test
  @DisplayName("only the group's facilitator sets retention, to 0-36500 days or null")
  void setting() {
    long groupId = TestServer.expect(server.post("/api/groups", facilitator.token(), new JsonObject()
        .put("name", "Setting").put("protocol", "ipt").put("sessionCount", 12)), 201).getLong("id");
    server.enrol(facilitator, groupId, member);
    String path = "/api/groups/" + groupId + "/retention";
    assertEquals(90, TestServer.expect(server.put(path, facilitator.token(),
        new JsonObject().put("retentionDays", 90)), 200).getInteger("retentionDays"));
    assertEquals(90, TestServer.expect(server.get("/api/groups/" + groupId, facilitator.token()), 200)
        .getInteger("retentionDays"));
    assertEquals(403, server.put(path, member.token(), new JsonObject().put("retentionDays", 1)).statusCode());
    for (Object bad : List.of(-1, 36_501, 1.5, "30", true)) {
      assertEquals(400, server.put(path, facilitator.token(), new JsonObject().put("retentionDays", bad))
          .statusCode(), "retentionDays " + bad);
    }
    assertEquals(400, server.put(path, facilitator.token(), new JsonObject()).statusCode(), "the field is required");
    assertEquals(400, server.post("/api/groups", facilitator.token(), new JsonObject().put("name", "x")
        .put("protocol", "ipt").put("sessionCount", 12).put("retentionDays", -5)).statusCode());
    assertNull(TestServer.expect(server.put(path, facilitator.token(), new JsonObject().putNull("retentionDays")),
        200).getInteger("retentionDays"), "null keeps the text");
  }
}
