package org.holdspace.schedule;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.holdspace.db.DatabaseUrl;
import org.holdspace.support.TestDatabase;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServer.Account;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes over one database, both running the reminder job, against a real SMTP server in this JVM (GreenMail):
 * one reminder per person and session, also after a node restarts.
 */
@DisplayName("E-mail reminders before each session, once per person, with two nodes")
class RemindersTest {
  private static final int SMTP_PORT = freePort();
  private static GreenMail smtp;
  private static TestServer a;
  private static TestServer b;

  @BeforeAll
  static void start() {
    smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    Map<String, Object> settings = Map.of("smtpHost", "127.0.0.1", "smtpPort", SMTP_PORT,
        "smtpFrom", "holdspace@clinic.example", "publicUrl", "https://holdspace.example", "reminderHours", 24);
    DatabaseUrl database = TestDatabase.fresh();
    a = TestServer.start(database, settings);
    b = TestServer.start(database, settings);
  }

  @AfterAll
  static void stop() {
    try {
      if (b != null) {
        b.close();
      }
      if (a != null) {
        a.close();
      }
    } finally {
      smtp.stop();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Account withEmail(String role, String displayName) {
    String username = role + "-rem-" + System.nanoTime();
    JsonObject user = expect(a.post("/api/users", a.adminToken(), new JsonObject().put("username", username)
        .put("password", TestServer.PASSWORD).put("displayName", displayName).put("role", role)
        .put("email", username + "@clinic.example")), 201);
    return new Account(user.getLong("id"), username, displayName, a.login(username, TestServer.PASSWORD));
  }

  private static String email(Account account) {
    return account.username() + "@clinic.example";
  }

  private static List<MimeMessage> mailsOf(long groupId) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> body(m).strip().endsWith("/member.html?group=" + groupId)).toList();
  }

  private static String body(MimeMessage m) {
    try {
      return m.getContent().toString().replace("\r\n", "\n");
    } catch (IOException | jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String to(MimeMessage m) {
    try {
      return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Object::toString)
          .collect(Collectors.joining(","));
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void awaitMails(long groupId, int count) {
    long end = System.currentTimeMillis() + 30_000;
    while (mailsOf(groupId).size() < count && System.currentTimeMillis() < end) {
      sleep(200);
    }
    assertEquals(count, mailsOf(groupId).size(), "reminders of group " + groupId + " among "
        + Arrays.stream(smtp.getReceivedMessages()).map(RemindersTest::body).toList());
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonObject patch(TestServer on, Account f, long groupId, int number, JsonObject body) {
    return expect(on.call(HttpMethod.PATCH, "/api/groups/" + groupId + "/sessions/" + number, f.token(), body), 200);
  }

  @Test
  @DisplayName("members and facilitators with an address get one reminder each; cancelled sessions none; "
      + "moved ones at their new time; the mail has the group's name, the local time and the link, nothing else")
  void oncePerPersonAndSession() throws Exception {
    Account facilitator = withEmail("facilitator", "Dr. Reminder Hidden");
    Account ana = withEmail("member", "Ana Secretname");
    Account noAddress = a.newAccount("member", "Ben Noaddress");
    Instant now = Instant.now();

    JsonObject soon = PlanChangesTest.group(a, facilitator, "Europe/Berlin", now.plus(Duration.ofHours(2)));
    long soonId = soon.getLong("id");
    a.enrol(facilitator, soonId, ana);
    a.enrol(facilitator, soonId, noAddress);
    expect(a.put("/api/groups/" + soonId + "/members/" + ana.id() + "/focus", facilitator.token(),
        new JsonObject().put("area", "grief").put("goal", "Talk to my sister")), 200);

    long cancelledId = PlanChangesTest.group(b, facilitator, null, now.plus(Duration.ofHours(30))).getLong("id");
    b.enrol(facilitator, cancelledId, ana);
    patch(b, facilitator, cancelledId, 1, new JsonObject().put("cancelled", true));
    patch(b, facilitator, cancelledId, 1, new JsonObject().put("scheduledAt", now.plus(Duration.ofHours(3)).toString()));

    long movedId = PlanChangesTest.group(b, facilitator, "America/New_York", now.plus(Duration.ofHours(30)))
        .getLong("id");
    b.enrol(facilitator, movedId, ana);
    Instant movedTo = now.plus(Duration.ofHours(4));
    patch(b, facilitator, movedId, 1, new JsonObject().put("scheduledAt", movedTo.toString()));

    awaitMails(soonId, 2);
    awaitMails(movedId, 2);
    sleep(12_000);
    b.restart();
    sleep(8_000);
    assertEquals(2, mailsOf(soonId).size(), "still one each after more runs on both nodes and a restart");
    assertEquals(2, mailsOf(movedId).size());
    assertEquals(0, mailsOf(cancelledId).size(), "no reminder for a cancelled session");

    assertEquals(Set.of(email(facilitator), email(ana)),
        mailsOf(soonId).stream().map(RemindersTest::to).collect(Collectors.toSet()), "one address per mail");
    Instant first = Instant.parse(soon.getJsonArray("plan").getJsonObject(0).getString("scheduledAt"));
    String when = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.ENGLISH)
        .format(first.atZone(ZoneId.of("Europe/Berlin"))) + " (Europe/Berlin)";
    String expected = "A reminder: your group \"" + soon.getString("name") + "\" meets on " + when + ".\n"
        + "Open the group's page at that time to join:\n\nhttps://holdspace.example/member.html?group=" + soonId;
    for (MimeMessage m : mailsOf(soonId)) {
      assertEquals(expected, body(m).strip(), "the body is exactly this");
      assertEquals("Holdspace: " + soon.getString("name") + " meets " + when, m.getSubject());
    }
    String movedWhen = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH)
        .format(movedTo.atZone(ZoneId.of("America/New_York")));
    for (MimeMessage m : mailsOf(movedId)) {
      assertTrue(body(m).contains(" at " + movedWhen + " (America/New_York)."), body(m));
    }
  }

  @Test
  @DisplayName("a member whose participation ended gets no reminder; those still taking part get theirs")
  void noReminderAfterParticipationEnded() {
    Account facilitator = withEmail("facilitator", "Dr. Ended");
    Account stays = withEmail("member", "Stays");
    Account leaves = withEmail("member", "Leaves");
    long id = PlanChangesTest.group(a, facilitator, null, Instant.now().plus(Duration.ofHours(40))).getLong("id");
    a.enrol(facilitator, id, stays);
    a.enrol(facilitator, id, leaves);
    expect(a.call(HttpMethod.DELETE, "/api/groups/" + id + "/members/" + leaves.id(), facilitator.token(),
        new JsonObject().put("reason", "moved away")), 200);
    Instant soon = Instant.now().plus(Duration.ofHours(5));
    patch(a, facilitator, id, 1, new JsonObject().put("scheduledAt", soon.toString()));

    awaitMails(id, 2);
    sleep(6_000);
    assertEquals(Set.of(email(facilitator), email(stays)),
        mailsOf(id).stream().map(RemindersTest::to).collect(Collectors.toSet()), "nothing to " + email(leaves));
  }
}
