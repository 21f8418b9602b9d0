package org.holdspace.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.holdspace.support.LiveGroup;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Input that is wrong in ways a form would not produce: it must get the contract's answers, never a 500. */
@DisplayName("Bad input over HTTP")
@ExtendWith(TestServerExtension.class)
class BadInputTest {
  private static TestServer server;
  private static TestServer.Account facilitator;
  private static TestServer.Account member;
  private static long groupId;

  @BeforeAll
  static void start() {
    LiveGroup group = LiveGroup.of("Dr. Q", "Rae").open(server);
    facilitator = group.facilitator();
    member = group.member(0);
    groupId = group.id();
  }

  private static String badRequest(HttpResponse<Buffer> response) {
    JsonObject body = expect(response, 400);
    assertEquals("bad_request", body.getString("code"));
    return body.getString("message");
  }

  @Test
  @DisplayName("every JSON route answers a missing body, broken JSON and a non-object with 400 naming the body")
  void everyRouteChecksItsBody() {
    String[][] routes = {
        {"POST", "/api/auth/login", null},
        {"POST", "/api/users", server.adminToken()},
        {"POST", "/api/groups", facilitator.token()},
        {"POST", "/api/groups/" + groupId + "/members", facilitator.token()},
        {"PUT", "/api/groups/" + groupId + "/members/" + member.id() + "/focus", facilitator.token()},
    };
    for (String[] route : routes) {
      HttpMethod method = HttpMethod.valueOf(route[0]);
      for (String body : new String[] {null, "", "   ", "{\"a\":", "null", "42", "\"text\"", "[]", "{}{}"}) {
        String message = badRequest(server.call(method, route[1], route[2], body));
        assertTrue(message.startsWith("body:"), route[1] + " with " + body + ": " + message);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("a text field with a NUL character gets 400 naming the field")
  @ValueSource(strings = {"username", "displayName", "password"})
  void nulInAccountFields(String field) {
    JsonObject body = new JsonObject().put("username", "nul-test").put("password", "long-enough-password")
        .put("displayName", "Nul").put("role", "member");
    body.put(field, body.getString(field) + "\u0000x");
    String message = badRequest(server.post("/api/users", server.adminToken(), body));
    assertTrue(message.startsWith(field + ":"), message);
  }

  @Test
  @DisplayName("NUL characters in a login, a group name or a focus goal get 400 naming the field")
  void nulElsewhere() {
    assertTrue(badRequest(server.post("/api/auth/login", null, new JsonObject().put("username", "a\u0000b")
        .put("password", "whatever-it-is"))).startsWith("username:"));
    assertTrue(badRequest(server.post("/api/groups", facilitator.token(), new JsonObject().put("name", "G\u0000")
        .put("protocol", "ipt").put("sessionCount", 12))).startsWith("name:"));
    assertTrue(badRequest(server.put("/api/groups/" + groupId + "/members/" + member.id() + "/focus",
        facilitator.token(), new JsonObject().put("area", "grief").put("goal", "\u0000"))).startsWith("goal:"));
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("a first session date PostgreSQL cannot store gets 400 naming firstSessionAt")
  @ValueSource(strings = {"+300000-01-01T00:00:00Z", "-5000-01-01T00:00:00Z", "+1000000000-12-31T23:59:59Z"})
  void datesOutOfRange(String date) {
    String message = badRequest(server.post("/api/groups", facilitator.token(), new JsonObject().put("name", "G")
        .put("protocol", "ipt").put("sessionCount", 12).put("firstSessionAt", date)));
    assertTrue(message.startsWith("firstSessionAt:"), message);
  }

  @Test
  @DisplayName("numbers too large for an id get 400 or 404, not 500")
  void hugeNumbers() {
    String path = "/api/groups/" + groupId + "/members";
    for (Object id : new Object[] {1e300, 9007199254740993L, -1, 0, 1.5}) {
      assertTrue(badRequest(server.post(path, facilitator.token(), new JsonObject().put("userId", id)))
          .startsWith("userId:"));
    }
    assertTrue(badRequest(server.post("/api/groups", facilitator.token(), "{\"name\":\"G\",\"protocol\":\"ipt\","
        + "\"sessionCount\":1e400}")).startsWith("sessionCount:"));
    expect(server.get("/api/groups/9999999999999999", facilitator.token()), 404);
    expect(server.put("/api/groups/" + groupId + "/members/9999999999999999/focus", facilitator.token(),
        new JsonObject().put("area", "grief")), 404);
  }

  @Test
  @DisplayName("an unknown API path gets 404 with a token and 401 without")
  void unknownPaths() {
    assertEquals("not_found", expect(server.get("/api/nothing-here", facilitator.token()), 404).getString("code"));
    expect(server.call(HttpMethod.DELETE, "/api/groups/" + groupId, facilitator.token(), null), 404);
    assertEquals("unauthenticated", expect(server.get("/api/nothing-here", null), 401).getString("code"));
  }

  @Test
  @DisplayName("a body over 256 KiB is refused without a 500")
  void tooLarge() {
    String big = new JsonObject().put("name", "x".repeat(300 * 1024)).put("protocol", "ipt").put("sessionCount", 12)
        .encode();
    int status = server.post("/api/groups", facilitator.token(), big).statusCode();
    assertTrue(status == 413 || status == 400, "status " + status);
  }

  @Test
  @DisplayName("API answers carry the security headers and are not cached")
  void securityHeaders() {
    HttpResponse<Buffer> response = server.get("/api/groups/" + groupId, facilitator.token());
    assertEquals("no-store", response.getHeader("Cache-Control"));
    assertEquals("nosniff", response.getHeader("X-Content-Type-Options"));
    assertEquals("DENY", response.getHeader("X-Frame-Options"));
    assertTrue(response.getHeader("Content-Security-Policy").contains("frame-ancestors 'none'"));
    assertTrue(response.getHeader("Content-Type").startsWith("application/json"));
  }
}
