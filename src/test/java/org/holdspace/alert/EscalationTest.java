package org.holdspace.alert;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.holdspace.support.ChatClient;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.holdspace.support.ChatClient.seconds;
import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Escalation of alerts nobody picks up, e-mailed through a real SMTP server in this JVM (GreenMail). */
@DisplayName("Alerts nobody picks up are escalated and e-mailed, without their content")
class EscalationTest {
  static final String ONCALL = "oncall@clinic.example";
  private static final AtomicInteger NAMES = new AtomicInteger();
  static final int SMTP_PORT = freePort();
  private static GreenMail smtp = startSmtp();

  @RegisterExtension
  static final TestServerExtension SERVER = TestServerExtension.with(settings());
  private static TestServer server;

  static Map<String, Object> settings() {
    return Map.of("smtpHost", "127.0.0.1", "smtpPort", SMTP_PORT, "smtpFrom", "holdspace@clinic.example",
        "oncallEmail", ONCALL, "alertEscalationMinutes", 0.05, "publicUrl", "https://holdspace.example");
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static GreenMail startSmtp() {
    GreenMail mail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    return mail;
  }

  @AfterAll
  static void stopSmtp() {
    smtp.stop();
  }

  /** A facilitator with an e-mail address, a group of theirs and one member. */
  record Group(long id, String name, TestServer.Account facilitator, TestServer.Account member) {
  }

  static Group group(TestServer on) {
    int n = NAMES.incrementAndGet();
    String username = "esc-facilitator-" + n + "-" + System.nanoTime();
    String email = username + "@clinic.example";
    JsonObject user = expect(on.post("/api/users", on.adminToken(), new JsonObject().put("username", username)
        .put("password", TestServer.PASSWORD).put("displayName", "Dr. Escalate").put("role", "facilitator")
        .put("email", email)), 201);
    assertEquals(email, user.getString("email"));
    TestServer.Account f = new TestServer.Account(user.getLong("id"), username, "Dr. Escalate",
        on.login(username, TestServer.PASSWORD));
    TestServer.Account member = on.newAccount("member", "Marisol Quintero");
    JsonObject group = on.newGroup(f, "ipt", 12);
    on.enrol(f, group.getLong("id"), member);
    on.startSession(f, group.getLong("id"));
    return new Group(group.getLong("id"), group.getString("name"), f, member);
  }

  /** The mails of a group's escalations so far (one per recipient). */
  static List<MimeMessage> mailsOf(GreenMail mail, long groupId) {
    return Arrays.stream(mail.getReceivedMessages())
        .filter(m -> GreenMailUtil.getBody(m).contains("/console.html?group=" + groupId)).toList();
  }

  static List<MimeMessage> awaitMails(GreenMail mail, long groupId, int count, long timeoutMs) {
    long end = System.currentTimeMillis() + timeoutMs;
    while (System.currentTimeMillis() < end) {
      List<MimeMessage> found = mailsOf(mail, groupId);
      if (found.size() >= count) {
        return found;
      }
      sleep(100);
    }
    throw new AssertionError("expected " + count + " mails of group " + groupId + ", got " + mailsOf(mail, groupId));
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String recipients(MimeMessage m) {
    try {
      return Arrays.toString(m.getRecipients(Message.RecipientType.TO));
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonObject onlyAlert(Group g) {
    JsonArray alerts = new JsonArray(server.get("/api/groups/" + g.id() + "/alerts", g.facilitator().token())
        .bodyAsString());
    assertEquals(1, alerts.size(), alerts.encode());
    return alerts.getJsonObject(0);
  }

  @Test
  @DisplayName("raised while no facilitator is online: escalated at once, mailed to the facilitator and on-call, "
      + "with no message text, name or score")
  void noFacilitatorOnline() throws Exception {
    Group g = group(server);
    ChatClient member = server.connect(g.member());
    member.join(g.id(), null).await();
    member.request(new JsonObject().put("type", "whisper").put("groupId", g.id())
        .put("text", "I want to kill myself tonight")).await();
    List<MimeMessage> mails = awaitMails(smtp, g.id(), 2, 10_000);
    member.close();
    String all = String.join(" ", mails.stream().map(this::whole).toList());
    assertTrue(all.contains(ONCALL) && all.contains(g.facilitator().username() + "@clinic.example"), all);
    assertTrue(all.contains(g.name()), "names the group");
    assertTrue(all.contains("risk_phrase"), "names the kind");
    assertTrue(all.contains("https://holdspace.example/console.html?group=" + g.id()), "links to the console");
    for (String secret : List.of("kill", "tonight", "Marisol", "Quintero", g.member().username())) {
      assertFalse(all.contains(secret), "the mail must not contain " + secret);
    }
    assertNotNull(onlyAlert(g).getString("escalatedAt"));
  }

  private String whole(MimeMessage m) {
    try {
      return recipients(m) + " " + m.getSubject() + " " + GreenMailUtil.getBody(m);
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @DisplayName("still open after the escalation time: the alert frame is sent again with escalatedAt, and mailed")
  void openTooLong() {
    Group g = group(server);
    ChatClient f = server.connect(g.facilitator());
    f.join(g.id(), null).await();
    expect(server.post("/api/groups/" + g.id() + "/help", g.member().token(), null), 201);
    JsonObject first = f.await(e -> "alert".equals(e.getString("type")), seconds(5)).getJsonObject("alert");
    assertNull(first.getString("escalatedAt"), "a facilitator is online: not at once");
    JsonObject again = f.await(e -> "alert".equals(e.getString("type"))
        && e.getJsonObject("alert").getString("escalatedAt") != null, seconds(15)).getJsonObject("alert");
    assertEquals(first.getLong("id"), again.getLong("id"));
    assertEquals("open", again.getString("status"));
    awaitMails(smtp, g.id(), 2, 10_000);
    f.close();
  }

  @Test
  @DisplayName("an acknowledged alert is not escalated")
  void acknowledgedInTime() {
    Group g = group(server);
    ChatClient f = server.connect(g.facilitator());
    f.join(g.id(), null).await();
    long id = expect(server.post("/api/groups/" + g.id() + "/help", g.member().token(), null), 201)
        .getJsonObject("alert").getLong("id");
    expect(server.post("/api/groups/" + g.id() + "/alerts/" + id + "/acknowledge", g.facilitator().token(), null),
        200);
    sleep(5000);
    assertNull(onlyAlert(g).getString("escalatedAt"));
    assertTrue(mailsOf(smtp, g.id()).isEmpty());
    f.close();
  }

  @Test
  @DisplayName("while the SMTP server is down the mail is retried with back-off, and goes out once it is back")
  void smtpOutage() {
    smtp.stop();
    Group g = group(server);
    try {
      expect(server.post("/api/groups/" + g.id() + "/help", g.member().token(), null), 201);
      sleep(3000);
      assertNotNull(onlyAlert(g).getString("escalatedAt"), "escalated even though mail is failing");
    } finally {
      smtp = startSmtp();
    }
    awaitMails(smtp, g.id(), 2, 30_000);
    sleep(3000);
    assertEquals(2, mailsOf(smtp, g.id()).size(), "sent once, after the retries");
  }

  @Test
  @DisplayName("an escalation that fell due while the server was down goes out when it starts again")
  void afterRestart() {
    Group g = group(server);
    ChatClient f = server.connect(g.facilitator());
    f.join(g.id(), null).await();
    expect(server.post("/api/groups/" + g.id() + "/help", g.member().token(), null), 201);
    f.close();
    server.stopServer();
    sleep(4000);
    assertTrue(mailsOf(smtp, g.id()).isEmpty());
    server.restart();
    awaitMails(smtp, g.id(), 2, 15_000);
    assertNotNull(onlyAlert(g).getString("escalatedAt"));
  }
}
