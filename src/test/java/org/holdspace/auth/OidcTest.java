package org.holdspace.auth;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.core.buffer.Buffer;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.holdspace.support.TestDatabase;
import org.holdspace.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OpenID Connect sign-in against a real OAuth2/OIDC provider (mock-oauth2-server) running in this JVM. */
@DisplayName("OpenID Connect sign-in")
class OidcTest {
  private static final String CLIENT = "holdspace-test";
  private static MockOAuth2Server provider;
  private static TestServer server;
  private static WebClient browser;

  @BeforeAll
  static void start() {
    provider = new MockOAuth2Server();
    provider.start(0);
    String issuer = provider.issuerUrl("clinic").toString();
    server = TestServer.start(TestDatabase.fresh(), Map.of("oidcIssuer", issuer, "oidcClientId", CLIENT,
        "oidcClientSecret", "a-client-secret"));
    browser = WebClient.create(server.clientVertx(), new WebClientOptions().setFollowRedirects(false));
  }

  @AfterAll
  static void stop() {
    browser.close();
    server.close();
    provider.shutdown();
  }

  /** One browser round: our login, the provider's authorization, our callback; the last Location. */
  private static String signIn(String subject, Map<String, Object> claims) {
    provider.enqueueCallback(new DefaultOAuth2TokenCallback("clinic", subject, "JWT", List.of(CLIENT), claims, 3600));
    HttpResponse<Buffer> login = browser.get(server.port(), "127.0.0.1", "/api/auth/oidc/login").send().await();
    assertEquals(302, login.statusCode(), login.bodyAsString());
    String authorize = login.getHeader("Location");
    assertTrue(authorize.contains("code_challenge_method=S256") && authorize.contains("state="), authorize);
    HttpResponse<Buffer> approved = browser.getAbs(authorize).send().await();
    assertEquals(302, approved.statusCode(), approved.bodyAsString());
    URI back = URI.create(approved.getHeader("Location"));
    HttpResponse<Buffer> callback = browser.get(server.port(), "127.0.0.1", back.getRawPath() + "?" + back.getRawQuery())
        .send().await();
    assertEquals(302, callback.statusCode(), callback.bodyAsString());
    return callback.getHeader("Location");
  }

  private static String fragment(String location, String key) {
    String fragment = location.substring(location.indexOf('#') + 1);
    for (String part : fragment.split("&")) {
      if (part.startsWith(key + "=")) {
        return URLDecoder.decode(part.substring(key.length() + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  @Test
  @DisplayName("the sign-in page learns the provider's name and where its sign-in starts, without a token")
  void providerIsOffered() {
    JsonObject oidc = expect(server.get("/api/auth/providers", null), 200).getJsonObject("oidc");
    assertEquals(URI.create(provider.issuerUrl("clinic").toString()).getHost(), oidc.getString("name"));
    assertEquals("/api/auth/oidc/login", oidc.getString("loginUrl"));
  }

  @Test
  @DisplayName("the first time the verified e-mail finds the account and links it; later the subject alone does")
  void linksByVerifiedEmailThenSubject() {
    TestServer.Account member = server.newAccount("member", "Ola");
    expect(server.call(HttpMethod.PATCH, "/api/users/" + member.id(), server.adminToken(),
        new JsonObject().put("email", "ola@clinic.example")), 200);
    String first = signIn("sub-ola", Map.of("email", "ola@clinic.example", "email_verified", true));
    String token = fragment(first, "token");
    assertTrue(first.startsWith("/index.html#token="), first);
    assertEquals(200, server.post("/api/auth/refresh", token, null).statusCode());
    String again = signIn("sub-ola", Map.of());
    assertTrue(again.startsWith("/index.html#token="), again);
  }

  @Test
  @DisplayName("an unverified e-mail or an unknown subject signs nobody in")
  void nobodyWithoutALink() {
    TestServer.Account member = server.newAccount("member", "Per");
    expect(server.call(HttpMethod.PATCH, "/api/users/" + member.id(), server.adminToken(),
        new JsonObject().put("email", "per@clinic.example")), 200);
    String refused = signIn("sub-per", Map.of("email", "per@clinic.example", "email_verified", false));
    assertTrue(refused.startsWith("/index.html#signin-error="), refused);
    assertTrue(signIn("sub-nobody", Map.of()).startsWith("/index.html#signin-error="));
  }
}
