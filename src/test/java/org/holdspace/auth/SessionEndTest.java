package org.holdspace.auth;

import io.vertx.core.json.JsonObject;
import org.holdspace.support.ChatClient;
import org.holdspace.support.Refusals;
import org.holdspace.support.TestDatabase;
import org.holdspace.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Sockets end with their token unless renewed by a hello of the same account; roles that must use TOTP. */
@DisplayName("Sessions end")
class SessionEndTest {
  private static TestServer server;
  private static TestServer.Account brief;
  private static TestServer.Account renewer;
  private static TestServer.Account someoneElse;
  private static TestServer.Account facilitator;

  @BeforeAll
  static void start() {
    // Three-second tokens (fractions of a minute are allowed); facilitators must use TOTP. The accounts are made
    // at once, while the admin's token lasts; each test signs in afresh.
    server = TestServer.start(TestDatabase.fresh(), Map.of("tokenMinutes", 0.05, "requireTotpFor", "facilitator"));
    brief = account("member", "brief");
    renewer = account("member", "renewer");
    someoneElse = account("member", "someone-else");
    facilitator = account("facilitator", "must-set-up");
  }

  private static TestServer.Account account(String role, String username) {
    String admin = server.login("admin", TestServer.ADMIN_PASSWORD);
    long id = expect(server.post("/api/users", admin, new JsonObject().put("username", username)
        .put("password", TestServer.PASSWORD).put("displayName", username).put("role", role)), 201).getLong("id");
    return new TestServer.Account(id, username, username, null);
  }

  private static TestServer.Account fresh(TestServer.Account account) {
    return new TestServer.Account(account.id(), account.username(), account.displayName(),
        server.login(account.username(), TestServer.PASSWORD));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("a socket whose token expires gets unauthenticated and is closed")
  void expiry() {
    TestServer.Account member = fresh(brief);
    ChatClient socket = server.connect(member);
    JsonObject error = socket.await(f -> "error".equals(f.getString("type")), Duration.ofSeconds(8));
    assertEquals("unauthenticated", error.getString("code"));
    socket.awaitClose(Duration.ofSeconds(5));
  }

  @Test
  @DisplayName("a fresh hello of the same account renews the socket; another account's token is refused")
  void renewal() throws Exception {
    TestServer.Account member = fresh(renewer);
    TestServer.Account other = fresh(someoneElse);
    ChatClient socket = server.connect(member);
    ChatClient.ErrorFrame refused = null;
    try {
      socket.hello(other.token()).await();
    } catch (ChatClient.ErrorFrame e) {
      refused = e;
    }
    assertEquals("forbidden", refused == null ? null : refused.code());
    for (int i = 0; i < 3; i++) {
      Thread.sleep(1500);
      socket.hello(server.login(member.username(), TestServer.PASSWORD)).await();
    }
    assertFalse(socket.isClosed(), "renewed past the first token's expiry");
    socket.close();
  }

  @Test
  @DisplayName("an account whose role must use TOTP reaches only the set-up calls until it enables it, on HTTP and "
      + "on a socket")
  void totpSetupRequired() throws Exception {
    AccountManagementTest.awayFromAStepBoundary();
    TestServer.Account facilitator = fresh(SessionEndTest.facilitator);
    JsonObject refused = expect(server.get("/api/groups", facilitator.token()), 403);
    assertEquals("totp_setup_required", refused.getString("code"));
    ChatClient socket = server.connectRaw(Map.of());
    String code = Refusals.errorCode(() -> socket.hello(facilitator.token()).await());
    assertEquals("totp_setup_required", code);
    socket.awaitClose(Duration.ofSeconds(5));
    String secret = expect(server.post("/api/auth/totp/setup", facilitator.token(), null), 200).getString("secret");
    expect(server.post("/api/auth/totp/enable", facilitator.token(),
        new JsonObject().put("code", AccountManagementTest.code(secret, 0))), 200);
    assertEquals(200, server.get("/api/groups", facilitator.token()).statusCode());
    ChatClient enabled = server.connectRaw(Map.of());
    assertEquals("welcome", enabled.hello(facilitator.token()).await().getString("type"));
    enabled.close();
  }
}
