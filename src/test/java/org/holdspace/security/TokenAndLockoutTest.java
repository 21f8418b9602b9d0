package org.holdspace.security;

import io.vertx.core.json.JsonObject;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Short-lived tokens renewed with refresh, and sign-in attempts limited per username and per address. */
@DisplayName("Tokens and sign-in limits")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(TestServerExtension.class)
class TokenAndLockoutTest {
  private static TestServer server;

  private static int login(String username, String password) {
    return server.post("/api/auth/login", null, new JsonObject().put("username", username).put("password", password))
        .statusCode();
  }

  @Test
  @Order(1)
  @DisplayName("a token lives as long as configured, and refresh gives a new one that works; an expired one cannot")
  void refresh() {
    TestServer.Account member = server.newAccount("member", "Rita");
    JsonObject login = TestServer.expect(server.post("/api/auth/login", null, new JsonObject()
        .put("username", member.username()).put("password", TestServer.PASSWORD)), 200);
    Duration lifetime = Duration.between(Instant.now(), Instant.parse(login.getString("expiresAt")));
    assertTrue(Math.abs(lifetime.toMinutes() - server.config().tokenMinutes()) <= 1, "lifetime " + lifetime);
    JsonObject renewed = TestServer.expect(server.post("/api/auth/refresh", login.getString("token"), null), 200);
    assertTrue(!Instant.parse(renewed.getString("expiresAt")).isBefore(Instant.parse(login.getString("expiresAt"))));
    assertEquals(200, server.get("/api/groups", renewed.getString("token")).statusCode());
    long now = Jwts.now();
    String expired = Jwts.hs256(Jwts.claims(member, "member", now - 7200, now - 1),
        server.config().jwtSecret().orElseThrow());
    assertEquals(401, server.post("/api/auth/refresh", expired, null).statusCode(), "an expired token cannot renew");
    String forgedRole = Jwts.hs256(Jwts.claims(member, "admin", now, now + 600), "not-the-server-secret-at-all-000000");
    assertEquals(401, server.get("/api/audit", forgedRole).statusCode(), "a token claiming admin from another key");
  }

  @Test
  @Order(2)
  @DisplayName("five wrong passwords lock the username, even for the right password; others still sign in")
  void lockout() {
    TestServer.Account target = server.newAccount("member", "Tara");
    TestServer.Account other = server.newAccount("member", "Omar");
    for (int i = 0; i < server.config().loginLimits().failuresPerUsername(); i++) {
      assertEquals(401, login(target.username(), "wrong-" + i));
    }
    assertEquals(429, login(target.username(), TestServer.PASSWORD), "locked, though the password is right");
    assertEquals(429, login(target.username().toUpperCase(), TestServer.PASSWORD), "the username in any case");
    var refused = server.post("/api/auth/login", null, new JsonObject().put("username", target.username())
        .put("password", TestServer.PASSWORD));
    assertEquals("rate_limited", refused.bodyAsJsonObject().getString("code"));
    assertEquals(200, login(other.username(), TestServer.PASSWORD), "another username is not locked");
    assertEquals(200, server.get("/api/groups", target.token()).statusCode(), "tokens issued before still work");
    for (int i = 0; i < 10; i++) {
      assertEquals(200, login(other.username(), TestServer.PASSWORD), "successful sign-ins are never counted");
    }
  }

  @Test
  @Order(3)
  @DisplayName("thirty failures from one address, over many usernames, lock that address")
  void addressLimit() {
    TestServer.Account member = server.newAccount("member", "Ada");
    int limit = server.config().loginLimits().failuresPerAddress();
    int attempts = 0;
    int status;
    do {
      status = login("nobody-" + attempts, "wrong");
      attempts++;
    } while (status == 401 && attempts <= limit);
    assertEquals(429, status, "refused once the address reached " + limit + " failures");
    assertEquals(429, login(member.username(), TestServer.PASSWORD), "the address is locked for every username");
  }
}
