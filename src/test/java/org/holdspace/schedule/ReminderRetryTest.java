package org.holdspace.schedule;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.core.json.JsonObject;
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
import java.util.Map;

import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A reminder whose send fails after it was claimed is tried again, and still goes out once. */
@DisplayName("A reminder that could not be sent is retried with back-off")
class ReminderRetryTest {
  private static final int SMTP_PORT = freePort();
  private static TestServer server;
  private static GreenMail smtp;

  @BeforeAll
  static void start() {
    server = TestServer.start(TestDatabase.fresh(), Map.of("smtpHost", "127.0.0.1", "smtpPort", SMTP_PORT,
        "smtpFrom", "holdspace@clinic.example", "reminderHours", 24));
  }

  @AfterAll
  static void stop() {
    server.close();
    if (smtp != null) {
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

  @Test
  @DisplayName("while the SMTP server is down nothing is lost; once it is back the reminder goes out exactly once")
  void retriedOnce() throws Exception {
    String username = "facilitator-retry-" + System.nanoTime();
    JsonObject user = expect(server.post("/api/users", server.adminToken(), new JsonObject().put("username", username)
        .put("password", TestServer.PASSWORD).put("displayName", "Dr. Retry").put("role", "facilitator")
        .put("email", username + "@clinic.example")), 201);
    Account facilitator = new Account(user.getLong("id"), username, "Dr. Retry",
        server.login(username, TestServer.PASSWORD));
    PlanChangesTest.group(server, facilitator, "UTC", Instant.now().plus(Duration.ofHours(2)));
    Thread.sleep(8_000);
    smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    long end = System.currentTimeMillis() + 60_000;
    while (smtp.getReceivedMessages().length == 0 && System.currentTimeMillis() < end) {
      Thread.sleep(250);
    }
    assertEquals(1, smtp.getReceivedMessages().length, "sent once the SMTP server answers");
    Thread.sleep(11_000);
    assertEquals(1, smtp.getReceivedMessages().length, "and only once");
  }
}
