package org.holdspace.alert;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.core.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.holdspace.support.ChatClient.seconds;
import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Escalations reach the whole team: every facilitator and every supervisor with an address (GreenMail in the JVM). */
@DisplayName("Escalation e-mails go to co-facilitators and supervisors too")
class TeamEscalationTest {
  private static final int SMTP_PORT = freePort();
  private static final GreenMail SMTP = startSmtp();
  private static final String ONCALL = "oncall@team.example";

  @RegisterExtension
  static final TestServerExtension SERVER = TestServerExtension.with(Map.of("smtpHost", "127.0.0.1",
      "smtpPort", SMTP_PORT, "smtpFrom", "holdspace@team.example", "oncallEmail", ONCALL,
      "alertEscalationMinutes", 0.05));
  private static TestServer server;

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static GreenMail startSmtp() {
    GreenMail mail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    return mail;
  }

  @AfterAll
  static void stopSmtp() {
    SMTP.stop();
  }

  private static TestServer.Account withEmail(String role, String name, String email) {
    String username = role + "-" + System.nanoTime();
    JsonObject user = expect(server.post("/api/users", server.adminToken(), new JsonObject().put("username", username)
        .put("password", TestServer.PASSWORD).put("displayName", name).put("role", role).put("email", email)), 201);
    return new TestServer.Account(user.getLong("id"), username, name, server.login(username, TestServer.PASSWORD));
  }

  @Test
  @DisplayName("an alert nobody acknowledges is mailed to the owner, the co-facilitator, the supervisor and on-call; "
      + "the supervisor's socket gets the alert frame and its escalation; a supervisor without an address gets no mail")
  void wholeTeam() {
    TestServer.Account owner = withEmail("facilitator", "Dr. Owner", "owner@team.example");
    TestServer.Account co = withEmail("facilitator", "Dr. Co", "co@team.example");
    TestServer.Account supervisor = withEmail("supervisor", "Dr. Super", "super@team.example");
    TestServer.Account quiet = server.newAccount("supervisor", "Dr. No Mail");
    TestServer.Account member = server.newAccount("member", "Marisol");
    long groupId = server.newGroup(owner, "ipt", 12).getLong("id");
    server.enrol(owner, groupId, member);
    expect(server.post("/api/groups/" + groupId + "/facilitators", owner.token(),
        new JsonObject().put("userId", co.id())), 201);
    for (TestServer.Account s : List.of(supervisor, quiet)) {
      expect(server.post("/api/groups/" + groupId + "/supervisors", server.adminToken(),
          new JsonObject().put("userId", s.id())), 201);
    }
    server.startSession(owner, groupId);
    ChatClient watching = server.connect(supervisor);
    watching.join(groupId, null).await();
    ChatClient m = server.connect(member);
    m.join(groupId, null).await();
    m.request(new JsonObject().put("type", "help").put("groupId", groupId)).await();
    watching.await(f -> "alert".equals(f.getString("type")) && f.getJsonObject("alert").getString("escalatedAt") != null,
        seconds(10));
    Set<String> to = awaitRecipients(4, 15_000);
    m.close();
    watching.close();
    assertEquals(new TreeSet<>(Set.of("owner@team.example", "co@team.example", "super@team.example", ONCALL)), to);
    for (MimeMessage mail : SMTP.getReceivedMessages()) {
      assertFalse(GreenMailUtil.getBody(mail).contains("Marisol"), "no member's name in the mail");
    }
  }

  private static Set<String> awaitRecipients(int count, long timeoutMs) {
    long end = System.currentTimeMillis() + timeoutMs;
    Set<String> to = Set.of();
    while (System.currentTimeMillis() < end) {
      to = Arrays.stream(SMTP.getReceivedMessages()).flatMap(m -> recipients(m).stream())
          .collect(Collectors.toCollection(TreeSet::new));
      if (to.size() >= count) {
        sleepQuietly(500);
        return Arrays.stream(SMTP.getReceivedMessages()).flatMap(mm -> recipients(mm).stream())
            .collect(Collectors.toCollection(TreeSet::new));
      }
      sleepQuietly(100);
    }
    throw new AssertionError("expected " + count + " recipients, got " + to);
  }

  private static List<String> recipients(MimeMessage m) {
    try {
      return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleepQuietly(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
