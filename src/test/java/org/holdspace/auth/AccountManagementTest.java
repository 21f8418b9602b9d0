package org.holdspace.auth;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.otp.OtpKey;
import org.holdspace.support.ChatClient;
import org.holdspace.support.TestDatabase;
import org.holdspace.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Account management, passwords, sign-out and TOTP over the public HTTP contract and real sockets. */
@DisplayName("Accounts a clinic runs")
class AccountManagementTest {
  private static final String NEW_PASSWORD = "a brand new passphrase";
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(TestDatabase.fresh(), Map.of("sessionMaxHours", 0.01));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonObject patch(long id, JsonObject body) {
    return expect(server.call(HttpMethod.PATCH, "/api/users/" + id, server.adminToken(), body), 200);
  }

  private static int status(String method, String path, String token, JsonObject body) {
    return server.call(HttpMethod.valueOf(method), path, token, body).statusCode();
  }

  @Test
  @DisplayName("admins list accounts by name, role and state, and change them; e-mail is unique")
  void listAndPatch() {
    TestServer.Account dana = server.newAccount("member", "Dana Listable");
    JsonObject changed = patch(dana.id(), new JsonObject().put("displayName", "Dana L").put("email", "dana@clinic.example"));
    assertEquals("Dana L", changed.getString("displayName"));
    assertEquals("dana@clinic.example", changed.getString("email"));
    JsonObject page = expect(server.get("/api/users?query=CLINIC.example&role=member&active=true", server.adminToken()), 200);
    assertEquals(1, page.getLong("total"));
    JsonObject listed = page.getJsonArray("users").getJsonObject(0);
    assertEquals(dana.id(), listed.getLong("id"));
    assertFalse(listed.getBoolean("totpEnabled"));
    assertTrue(listed.getBoolean("active"));
    assertTrue(listed.containsKey("createdAt"));
    assertFalse(listed.containsKey("passwordHash"));
    TestServer.Account other = server.newAccount("member", "Other");
    assertEquals(409, status("PATCH", "/api/users/" + other.id(), server.adminToken(),
        new JsonObject().put("email", "DANA@clinic.example")));
    assertEquals(400, status("PATCH", "/api/users/" + other.id(), server.adminToken(), new JsonObject().put("active", "no")));
    assertEquals(404, status("PATCH", "/api/users/999999", server.adminToken(), new JsonObject().put("active", false)));
    assertEquals(403, status("GET", "/api/users", dana.token(), null));
  }

  @Test
  @DisplayName("deactivation refuses the account's tokens at once and closes its sockets with unauthenticated")
  void deactivation() {
    TestServer.Account member = server.newAccount("member", "Soon gone");
    ChatClient socket = server.connect(member);
    patch(member.id(), new JsonObject().put("active", false));
    JsonObject error = socket.await(f -> "error".equals(f.getString("type")), Duration.ofSeconds(5));
    assertEquals("unauthenticated", error.getString("code"));
    socket.awaitClose(Duration.ofSeconds(5));
    assertEquals(401, status("POST", "/api/auth/refresh", member.token(), null));
    assertEquals(401, status("POST", "/api/auth/login", null,
        new JsonObject().put("username", member.username()).put("password", TestServer.PASSWORD)));
    patch(member.id(), new JsonObject().put("active", true));
    assertEquals(401, status("POST", "/api/auth/refresh", member.token(), null), "earlier tokens stay ended");
    server.login(member.username(), TestServer.PASSWORD);
    String audit = server.get("/api/audit", server.adminToken()).bodyAsString();
    assertTrue(audit.contains("account_updated"), audit);
  }

  @Test
  @DisplayName("a password change ends earlier tokens; the policy refuses short, common and username passwords")
  void changePassword() {
    TestServer.Account member = server.newAccount("member", "Changer");
    JsonObject bad = expect(server.post("/api/auth/password", member.token(), new JsonObject()
        .put("currentPassword", TestServer.PASSWORD).put("newPassword", "short")), 400);
    assertTrue(bad.getString("message").contains("12"), bad.encode());
    assertTrue(expect(server.post("/api/auth/password", member.token(), new JsonObject()
        .put("currentPassword", TestServer.PASSWORD).put("newPassword", "123qweasdzxc")), 400)
        .getString("message").contains("common"));
    assertEquals(400, status("POST", "/api/auth/password", member.token(), new JsonObject()
        .put("currentPassword", "not the password").put("newPassword", NEW_PASSWORD)));
    assertEquals(204, status("POST", "/api/auth/password", member.token(), new JsonObject()
        .put("currentPassword", TestServer.PASSWORD).put("newPassword", NEW_PASSWORD)));
    assertEquals(401, status("POST", "/api/auth/refresh", member.token(), null));
    server.login(member.username(), NEW_PASSWORD);
  }

  @Test
  @DisplayName("an admin's reset token sets a new password once, within the hour, and ends earlier tokens")
  void reset() {
    TestServer.Account member = server.newAccount("member", "Forgetful");
    JsonObject reset = expect(server.post("/api/users/" + member.id() + "/password-reset", server.adminToken(), null), 201);
    Instant expires = Instant.parse(reset.getString("expiresAt"));
    assertTrue(expires.isAfter(Instant.now().plusSeconds(3500)) && expires.isBefore(Instant.now().plusSeconds(3700)));
    JsonObject body = new JsonObject().put("resetToken", reset.getString("resetToken"));
    assertEquals(400, status("POST", "/api/auth/reset", null, body.copy().put("newPassword", "123qweasdzxc")));
    assertEquals(204, status("POST", "/api/auth/reset", null, body.copy().put("newPassword", NEW_PASSWORD)));
    assertEquals(400, status("POST", "/api/auth/reset", null, body.copy().put("newPassword", NEW_PASSWORD + "!")),
        "single use");
    assertEquals(401, status("POST", "/api/auth/refresh", member.token(), null));
    server.login(member.username(), NEW_PASSWORD);
  }

  @Test
  @DisplayName("logout ends the token and every refresh of it; the other sign-ins of the account go on")
  void logout() {
    TestServer.Account member = server.newAccount("member", "Leaver");
    String refreshed = expect(server.post("/api/auth/refresh", member.token(), null), 200).getString("token");
    String other = server.login(member.username(), TestServer.PASSWORD);
    assertEquals(204, status("POST", "/api/auth/logout", member.token(), null));
    assertEquals(401, status("POST", "/api/auth/refresh", member.token(), null));
    assertEquals(401, status("POST", "/api/auth/refresh", refreshed, null));
    assertEquals(200, status("POST", "/api/auth/refresh", other, null));
  }

  @Test
  @DisplayName("a refresh never reaches past sessionMaxHours from the login")
  void sessionMax() {
    TestServer.Account member = server.newAccount("member", "Long sitter");
    Instant latest = Instant.now().plusSeconds(37);
    JsonObject refreshed = expect(server.post("/api/auth/refresh", member.token(), null), 200);
    assertTrue(Instant.parse(refreshed.getString("expiresAt")).isBefore(latest), refreshed.encode());
  }

  @Test
  @DisplayName("usernames outside [a-z0-9._@+-]{3,64} are refused at creation (400) and at login (401)")
  void usernames() {
    JsonObject user = new JsonObject().put("password", NEW_PASSWORD).put("displayName", "X").put("role", "member");
    assertTrue(expect(server.post("/api/users", server.adminToken(), user.copy().put("username", "bad name")), 400)
        .getString("message").startsWith("username"));
    assertEquals(400, status("POST", "/api/users", server.adminToken(), user.copy().put("username", "ab")));
    JsonObject created = expect(server.post("/api/users", server.adminToken(),
        user.copy().put("username", "Ana+Group@Clinic.example")), 201);
    assertEquals("ana+group@clinic.example", created.getString("username"));
    server.login("ANA+group@clinic.example", NEW_PASSWORD);
    assertEquals(401, status("POST", "/api/auth/login", null,
        new JsonObject().put("username", "ana group").put("password", NEW_PASSWORD)));
  }

  @Test
  @DisplayName("TOTP: set-up, enabling with a code, sign-in needs a code or a recovery code once, disabling, "
      + "a code never accepted twice, one step of drift tolerated")
  void totp() throws Exception {
    awayFromAStepBoundary();
    TestServer.Account member = server.newAccount("member", "Careful");
    JsonObject setup = expect(server.post("/api/auth/totp/setup", member.token(), null), 200);
    String secret = setup.getString("secret");
    assertTrue(setup.getString("otpauthUri").startsWith("otpauth://totp/"));
    assertTrue(setup.getString("qrSvg").startsWith("<svg"));
    assertEquals(400, status("POST", "/api/auth/totp/enable", member.token(),
        new JsonObject().put("code", code(secret, 10))));
    JsonObject enabled = expect(server.post("/api/auth/totp/enable", member.token(),
        new JsonObject().put("code", code(secret, -1))), 200);
    assertEquals(10, enabled.getJsonArray("recoveryCodes").size());
    JsonObject login = new JsonObject().put("username", member.username()).put("password", TestServer.PASSWORD);
    assertEquals("totp_required", expect(server.post("/api/auth/login", null, login), 401).getString("code"));
    assertEquals(401, status("POST", "/api/auth/login", null, login.copy().put("totp", code(secret, 10))));
    assertEquals(401, status("POST", "/api/auth/login", null, login.copy().put("totp", code(secret, -1))),
        "the code that enabled TOTP");
    expect(server.post("/api/auth/login", null, login.copy().put("totp", code(secret, 0))), 200);
    assertEquals(401, status("POST", "/api/auth/login", null, login.copy().put("totp", code(secret, 0))),
        "a code used once, within its window");
    String recovery = enabled.getJsonArray("recoveryCodes").getString(3);
    String token = expect(server.post("/api/auth/login", null, login.copy().put("totp", recovery)), 200)
        .getString("token");
    assertEquals(401, status("POST", "/api/auth/login", null, login.copy().put("totp", recovery)), "used once");
    assertEquals(400, status("POST", "/api/auth/totp/disable", token, new JsonObject().put("code", code(secret, 0))),
        "a used code does not disable either");
    assertEquals(204, status("POST", "/api/auth/totp/disable", token, new JsonObject().put("code", code(secret, 1))));
    expect(server.post("/api/auth/login", null, login), 200);
  }

  /** Waits out the last seconds of a 30 s step, so that the codes a test computes keep their step meanwhile. */
  static void awayFromAStepBoundary() throws InterruptedException {
    long intoStep = System.currentTimeMillis() % 30_000;
    if (intoStep > 25_000) {
      Thread.sleep(30_000 - intoStep + 200);
    }
  }

  /** The RFC 6238 code of the base32 secret, {@code steps} periods from now. */
  static String code(String secret, int steps) throws Exception {
    byte[] key = new OtpKey().setKey(secret).setAlgorithm("SHA1").getKeyBytes();
    long counter = Instant.now().getEpochSecond() / 30 + steps;
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(key, "HmacSHA1"));
    byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
    int o = h[h.length - 1] & 0xf;
    int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
    return String.format("%06d", bin % 1_000_000);
  }
}
