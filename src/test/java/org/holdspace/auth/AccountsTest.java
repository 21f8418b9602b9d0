package org.holdspace.auth;

import io.vertx.core.json.JsonObject;
import org.holdspace.config.Config;
import org.holdspace.support.TestDatabase;
import org.holdspace.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The first admin and {@code POST /api/users}. The server's admin password comes only from the environment. */
@DisplayName("Accounts")
class AccountsTest {
  private static final String ENV_ADMIN_PASSWORD = TestServer.ADMIN_PASSWORD;
  private static TestServer server;
  private static JsonObject settings;

  @BeforeAll
  static void start() {
    settings = TestServer.configJson(TestDatabase.fresh(), Map.of());
    settings.remove("adminPassword");
    server = TestServer.start(Config.from(settings, Map.of("HOLDSPACE_ADMIN_PASSWORD", ENV_ADMIN_PASSWORD)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String admin() {
    return server.login("admin", ENV_ADMIN_PASSWORD);
  }

  private static JsonObject newUser(String username, String role) {
    return new JsonObject().put("username", username).put("password", "long-enough-password")
        .put("displayName", "Someone").put("role", role);
  }

  @Test
  @DisplayName("the first admin is created from HOLDSPACE_ADMIN_PASSWORD and a later start does not change it")
  void firstAdminFromEnvironment() {
    JsonObject login = expect(server.post("/api/auth/login", null,
        new JsonObject().put("username", "admin").put("password", ENV_ADMIN_PASSWORD)), 200);
    assertEquals("admin", login.getJsonObject("user").getString("role"));
    assertEquals("admin", login.getJsonObject("user").getString("username"));
    server.restart(Config.from(settings, Map.of("HOLDSPACE_ADMIN_PASSWORD", "a-different-admin-password")));
    expect(server.post("/api/auth/login", null,
        new JsonObject().put("username", "admin").put("password", "a-different-admin-password")), 401);
    admin();
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("an admin creates accounts of every role, which can then sign in")
  @CsvSource({"member", "facilitator", "admin"})
  void adminCreatesAccounts(String role) {
    String username = "new-" + role;
    JsonObject user = expect(server.post("/api/users", admin(), newUser(username, role).put("displayName", "Dana")),
        201);
    assertTrue(user.getLong("id") > 0);
    assertEquals(username, user.getString("username"));
    assertEquals("Dana", user.getString("displayName"));
    assertEquals(role, user.getString("role"));
    JsonObject login = expect(server.post("/api/auth/login", null,
        new JsonObject().put("username", username).put("password", "long-enough-password")), 200);
    JsonObject signedIn = login.getJsonObject("user");
    for (String field : signedIn.fieldNames()) {
      assertEquals(user.getValue(field), signedIn.getValue(field), field);
    }
    assertTrue(user.getBoolean("active"));
  }

  @Test
  @DisplayName("a facilitator or member gets 403, and no token gets 401")
  void onlyAdmins() {
    TestServer.Account facilitator = server.newAccount("facilitator", "Fay");
    TestServer.Account member = server.newAccount("member", "Mo");
    assertEquals("forbidden", expect(server.post("/api/users", facilitator.token(), newUser("by-fac", "member")), 403)
        .getString("code"));
    assertEquals("forbidden", expect(server.post("/api/users", member.token(), newUser("by-member", "admin")), 403)
        .getString("code"));
    assertEquals("unauthenticated", expect(server.post("/api/users", null, newUser("by-nobody", "member")), 401)
        .getString("code"));
    expect(server.post("/api/users", admin(), newUser("by-fac", "member")), 201);
    expect(server.post("/api/users", admin(), newUser("by-member", "member")), 201);
    expect(server.post("/api/users", admin(), newUser("by-nobody", "member")), 201);
  }

  @Test
  @DisplayName("a username that exists, in any letter case, gets 409")
  void duplicateUsername() {
    expect(server.post("/api/users", admin(), newUser("river", "member")), 201);
    assertEquals("conflict", expect(server.post("/api/users", admin(), newUser("river", "member")), 409)
        .getString("code"));
    expect(server.post("/api/users", admin(), newUser("RIVER", "facilitator")), 409);
    expect(server.post("/api/users", admin(), newUser("Admin", "member")), 409);
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("a missing or invalid field gets 400 naming it")
  @CsvSource(delimiter = '|', value = {
      "username|{\"password\":\"long-enough-password\",\"displayName\":\"A\",\"role\":\"member\"}",
      "username|{\"username\":\"ab\",\"password\":\"long-enough-password\",\"displayName\":\"A\",\"role\":\"member\"}",
      "username|{\"username\":\"has space\",\"password\":\"long-enough-password\",\"displayName\":\"A\",\"role\":\"member\"}",
      "username|{\"username\":42,\"password\":\"long-enough-password\",\"displayName\":\"A\",\"role\":\"member\"}",
      "password|{\"username\":\"valid-name\",\"password\":\"short\",\"displayName\":\"A\",\"role\":\"member\"}",
      "password|{\"username\":\"valid-name\",\"displayName\":\"A\",\"role\":\"member\"}",
      "displayName|{\"username\":\"valid-name\",\"password\":\"long-enough-password\",\"displayName\":\"  \",\"role\":\"member\"}",
      "displayName|{\"username\":\"valid-name\",\"password\":\"long-enough-password\",\"role\":\"member\"}",
      "role|{\"username\":\"valid-name\",\"password\":\"long-enough-password\",\"displayName\":\"A\",\"role\":\"owner\"}",
      "role|{\"username\":\"valid-name\",\"password\":\"long-enough-password\",\"displayName\":\"A\"}",
      "body|",
      "body|[]",
      "body|{\"username\":",
  })
  void badFields(String field, String body) {
    JsonObject answer = expect(server.post("/api/users", admin(), body == null ? null : body), 400);
    assertEquals("bad_request", answer.getString("code"));
    assertTrue(answer.getString("message").startsWith(field + ":"), answer.getString("message"));
  }
}
