package org.holdspace.auth;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signing in over HTTP. The server allows 3 failures per username and 6 per address; each test signs in from
 * its own loopback address so that the tests do not share an address budget.
 */
@DisplayName("Signing in")
class LoginTest {
  private static final int PER_USERNAME = 3;
  private static final int PER_ADDRESS = 6;
  private static final AtomicInteger ADDRESSES = new AtomicInteger(10);
  @RegisterExtension
  static final TestServerExtension SERVER = TestServerExtension.with(
      Map.of("loginFailuresPerUsername", PER_USERNAME, "loginFailuresPerAddress", PER_ADDRESS));
  private static TestServer server;

  /** A client on a loopback address no other test uses. */
  private static WebClient newAddress() {
    return server.clientFrom("127.0.0." + ADDRESSES.incrementAndGet());
  }

  private static HttpResponse<Buffer> login(WebClient client, String username, String password) {
    return loginAsync(client, username, password).await();
  }

  private static Future<HttpResponse<Buffer>> loginAsync(WebClient client, String username, String password) {
    return server.send(client, HttpMethod.POST, "/api/auth/login", null,
        new JsonObject().put("username", username).put("password", password));
  }

  @Test
  @DisplayName("without single sign-on configured the sign-in page is offered the password form alone")
  void noProviderWithoutConfiguration() {
    JsonObject providers = expect(server.get("/api/auth/providers", null), 200);
    assertTrue(providers.containsKey("oidc") && providers.getValue("oidc") == null, providers.encode());
  }

  @Test
  @DisplayName("the right password gets a token, its expiry and the account, and the token opens the API")
  void rightPassword() {
    TestServer.Account account = server.newAccount("facilitator", "Dr. Right");
    WebClient client = newAddress();
    JsonObject body = expect(login(client, account.username(), TestServer.PASSWORD), 200);
    assertEquals(new JsonObject().put("id", account.id()).put("username", account.username())
        .put("displayName", "Dr. Right").put("role", "facilitator"), body.getJsonObject("user"));
    Instant expiresAt = Instant.parse(body.getString("expiresAt"));
    Duration left = Duration.between(Instant.now(), expiresAt);
    assertTrue(left.compareTo(Duration.ofMinutes(55)) > 0 && left.compareTo(Duration.ofMinutes(61)) < 0,
        "default token lifetime is 60 minutes, was " + left);
    String token = body.getString("token");
    assertNotNull(token);
    assertEquals(200, server.get("/api/groups", token).statusCode());
    client.close();
  }

  @Test
  @DisplayName("the username is not case-sensitive")
  void usernameCaseInsensitive() {
    TestServer.Account account = server.newAccount("member", "Casey");
    WebClient client = newAddress();
    JsonObject body = expect(login(client, account.username().toUpperCase(), TestServer.PASSWORD), 200);
    assertEquals(account.id(), body.getJsonObject("user").getLong("id"));
    client.close();
  }

  @Test
  @DisplayName("an unknown user and a wrong password get the same 401, telling nothing about the account")
  void unknownUserAndWrongPasswordAlike() {
    TestServer.Account account = server.newAccount("member", "Wren");
    WebClient client = newAddress();
    HttpResponse<Buffer> wrong = login(client, account.username(), "not-the-password");
    HttpResponse<Buffer> unknown = login(client, "nobody-" + account.username(), "not-the-password");
    JsonObject wrongBody = expect(wrong, 401);
    assertEquals("unauthenticated", wrongBody.getString("code"));
    assertEquals(wrongBody, expect(unknown, 401));
    client.close();
  }

  @Test
  @DisplayName("after 3 failures for one username from one address, that pair gets 429, the right password too; "
      + "the username from another address does not")
  void limitedPerUsername() {
    TestServer.Account account = server.newAccount("member", "Una");
    List<WebClient> clients = new ArrayList<>();
    WebClient client = newAddress();
    clients.add(client);
    for (int i = 0; i < PER_USERNAME; i++) {
      expect(login(client, account.username(), "wrong-" + i), 401);
    }
    assertEquals(new JsonObject().put("code", "rate_limited"),
        withoutMessage(expect(login(client, account.username(), "wrong-again"), 429)));
    expect(login(client, account.username(), TestServer.PASSWORD), 429);
    expect(login(client, account.username().toUpperCase(), TestServer.PASSWORD), 429);
    WebClient another = newAddress();
    clients.add(another);
    expect(login(another, account.username(), TestServer.PASSWORD), 200);
    TestServer.Account other = server.newAccount("member", "Otto");
    expect(login(client, other.username(), TestServer.PASSWORD), 200);
    clients.forEach(WebClient::close);
  }

  @Test
  @DisplayName("after 6 failures from one address, that address gets 429 for any username; other addresses do not")
  void limitedPerAddress() {
    TestServer.Account account = server.newAccount("member", "Ada");
    WebClient client = newAddress();
    for (int i = 0; i < PER_ADDRESS; i++) {
      expect(login(client, "guess-" + i + "-" + account.username(), "wrong"), 401);
    }
    assertEquals("rate_limited", expect(login(client, "guess-x-" + account.username(), "wrong"), 429)
        .getString("code"));
    expect(login(client, account.username(), TestServer.PASSWORD), 429);
    WebClient elsewhere = newAddress();
    expect(login(elsewhere, account.username(), TestServer.PASSWORD), 200);
    client.close();
    elsewhere.close();
  }

  @Test
  @DisplayName("successful sign-ins are never counted, per username or per address")
  void successesNotCounted() {
    TestServer.Account account = server.newAccount("member", "Sol");
    WebClient client = newAddress();
    expect(login(client, account.username(), "wrong-1"), 401);
    expect(login(client, account.username(), "wrong-2"), 401);
    for (int i = 0; i < PER_ADDRESS + 2; i++) {
      expect(login(client, account.username(), TestServer.PASSWORD), 200);
    }
    expect(login(client, account.username(), "wrong-3"), 401);
    expect(login(client, account.username(), "wrong-4"), 429);
    client.close();
  }

  @Test
  @DisplayName("many wrong passwords sent at once still get no more than 3 tries at the password")
  void concurrentFailuresRespectTheLimit() {
    TestServer.Account account = server.newAccount("member", "Max");
    WebClient client = newAddress();
    List<Future<HttpResponse<Buffer>>> answers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      answers.add(loginAsync(client, account.username(), "parallel-guess-" + i));
    }
    Future.join(answers).await();
    long tried = answers.stream().filter(a -> a.result().statusCode() == 401).count();
    long limited = answers.stream().filter(a -> a.result().statusCode() == 429).count();
    assertEquals(PER_USERNAME, tried, "attempts that reached the password check");
    assertEquals(20 - PER_USERNAME, limited);
    client.close();
  }

  @Test
  @DisplayName("a missing or malformed body gets 400 naming the field, and is not counted as a failure")
  void badBodies() {
    WebClient client = newAddress();
    assertTrue(message(server.send(client, HttpMethod.POST, "/api/auth/login", null, null).await())
        .startsWith("body:"));
    assertTrue(message(server.send(client, HttpMethod.POST, "/api/auth/login", null, "{\"username\":").await())
        .startsWith("body:"));
    assertTrue(message(server.send(client, HttpMethod.POST, "/api/auth/login", null, "[1]").await())
        .startsWith("body:"));
    assertTrue(message(server.send(client, HttpMethod.POST, "/api/auth/login", null,
        new JsonObject().put("password", "x")).await()).startsWith("username:"));
    assertTrue(message(server.send(client, HttpMethod.POST, "/api/auth/login", null,
        new JsonObject().put("username", "x")).await()).startsWith("password:"));
    assertTrue(message(server.send(client, HttpMethod.POST, "/api/auth/login", null,
        new JsonObject().put("username", "x").put("password", 12345)).await()).startsWith("password:"));
    TestServer.Account account = server.newAccount("member", "Bo");
    for (int i = 0; i < PER_ADDRESS; i++) {
      message(server.send(client, HttpMethod.POST, "/api/auth/login", null,
          new JsonObject().put("username", account.username())).await());
    }
    expect(login(client, account.username(), TestServer.PASSWORD), 200);
    client.close();
  }

  private static String message(HttpResponse<Buffer> response) {
    JsonObject body = expect(response, 400);
    assertEquals("bad_request", body.getString("code"));
    return body.getString("message");
  }

  private static JsonObject withoutMessage(JsonObject body) {
    JsonObject copy = body.copy();
    copy.remove("message");
    return copy;
  }
}
