package org.holdspace.security;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.json.JsonObject;
import org.holdspace.db.DatabaseUrl;
import org.holdspace.logs.JsonLayout;
import org.holdspace.support.ChatClient;
import org.holdspace.support.TestDatabase;
import org.holdspace.support.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Everything the server logs from start to stop, while people sign in (rightly and wrongly), refresh tokens, talk,
 * whisper and send broken input, holds no password, token, signing secret, message or whisper text, in either log
 * format: each event is checked as its message and stack trace, and as the text and JSON lines it becomes.
 */
@DisplayName("Logs")
class SecretsInLogsTest {
  private static final String JWT_SECRET = "log-test-secret-0123456789-abcdefghijklmnop";
  private static final String DB_PASSWORD = "db-pass-w0rd-in-the-url";

  @Test
  @DisplayName("never contain passwords, tokens, the signing secret or what members wrote")
  void noSecrets() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    root.addAppender(captured);
    List<String> secrets = new ArrayList<>(List.of(JWT_SECRET, TestServer.ADMIN_PASSWORD, TestServer.PASSWORD,
        DB_PASSWORD));
    try (TestServer server = TestServer.start(TestDatabase.fresh(), Map.of("jwtSecret", JWT_SECRET))) {
      TestServer.Account facilitator = server.newAccount("facilitator", "Dr. Log");
      TestServer.Account member = server.newAccount("member", "Lou");
      secrets.add(facilitator.token());
      secrets.add(member.token());
      secrets.add(server.adminToken());
      long groupId = server.newGroup(facilitator, "ipt", 12).getLong("id");
      server.enrol(facilitator, groupId, member);
      server.startSession(facilitator, groupId);
      String wrongPassword = "wrong-password-typed-by-mistake";
      secrets.add(wrongPassword);
      assertEquals(401, server.post("/api/auth/login", null, new JsonObject().put("username", member.username())
          .put("password", wrongPassword)).statusCode());
      String refreshed = TestServer.expect(server.post("/api/auth/refresh", member.token(), null), 200)
          .getString("token");
      secrets.add(refreshed);
      secrets.add("Bearer " + "forged.token.value");
      assertEquals(401, server.get("/api/groups", "forged.token.value").statusCode());
      ChatClient m = server.connect(member);
      ChatClient f = server.connect(facilitator);
      String message = "I have not told anyone this before";
      String risky = "sometimes I want to die";
      String whisper = "can we talk after the session";
      secrets.addAll(List.of(message, risky, whisper));
      m.say(groupId, message, "log-1").await();
      m.say(groupId, risky, null).await();
      m.request(new JsonObject().put("type", "whisper").put("groupId", groupId).put("text", whisper)).await();
      m.sendRaw("{\"type\":\"say\",\"groupId\":" + groupId + ",\"text\":\"" + message + " \\u0000\"}");
      f.request(new JsonObject().put("type", "lock").put("groupId", groupId)).await();
      // Server-side failures log their exception in full: make two happen, with secrets in the failing request.
      DatabaseUrl db = server.server().databaseUrl();
      TestDatabase.execute(db, "ALTER TABLE whispers RENAME TO whispers_away");
      String failedWhisper = "a whisper the database could not take";
      secrets.add(failedWhisper);
      m.request(new JsonObject().put("type", "whisper").put("groupId", groupId).put("text", failedWhisper))
          .toCompletionStage().exceptionally(e -> null).toCompletableFuture().join();
      TestDatabase.execute(db, "ALTER TABLE whispers_away RENAME TO whispers");
      TestDatabase.execute(db, "ALTER TABLE users RENAME TO users_away");
      assertEquals(500, server.post("/api/auth/login", null, new JsonObject().put("username", member.username())
          .put("password", TestServer.PASSWORD)).statusCode());
      TestDatabase.execute(db, "ALTER TABLE users_away RENAME TO users");
      ChatClient bad = server.connectRaw(Map.of());
      bad.sendRaw(new JsonObject().put("type", "hello").put("token", member.token() + "x").encode());
      bad.awaitClose(ChatClient.seconds(5));
      m.close();
      f.close();
      bad.close();
    } finally {
      root.detachAppender(captured);
    }
    // A database URL names its password nowhere but where it is used.
    assertFalse(new DatabaseUrl("127.0.0.1", 5432, "db", "holdspace", DB_PASSWORD).toString().contains(DB_PASSWORD));

    LoggerContext context = root.getLoggerContext();
    PatternLayout text = new PatternLayout();
    text.setContext(context);
    text.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n%ex");
    text.start();
    JsonLayout json = new JsonLayout();
    json.setContext(context);
    json.start();
    List<String> lines = new ArrayList<>();
    for (ILoggingEvent e : captured.list) {
      lines.add(e.getFormattedMessage()
          + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy())));
      lines.add(text.doLayout(e));
      String line = json.doLayout(e);
      assertEquals(e.getFormattedMessage(), new JsonObject(line).getString("message"), "one JSON object: " + line);
      // checked as written and as decoded, since JSON escapes some characters
      lines.add(line);
      new JsonObject(line).forEach(field -> lines.add(String.valueOf(field.getValue())));
    }
    assertTrue(lines.stream().filter(l -> l.contains("failed")).count() >= 2, "the failures were logged: " + lines);
    for (String secret : secrets) {
      for (String line : lines) {
        assertFalse(line.contains(secret), "a log line holds a secret or what someone wrote: " + line);
      }
    }
    for (String token : secrets.stream().filter(s -> s.chars().filter(c -> c == '.').count() == 2).toList()) {
      String signature = token.substring(token.lastIndexOf('.') + 1);
      lines.forEach(line -> assertFalse(!signature.isEmpty() && line.contains(signature), "a token signature: " + line));
    }
  }
}
