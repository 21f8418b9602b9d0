package org.holdspace.auth;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Tokens are built by hand here, so each refusal below differs from an accepted token in one respect only. */
@DisplayName("Bearer tokens")
@ExtendWith(TestServerExtension.class)
class TokenTest {
  private static final String SECRET = "a-test-secret-that-is-long-enough-for-hs256";
  private static TestServer server;
  private static TestServer.Account member;

  @BeforeAll
  static void start() {
    member = server.newAccount("member", "Tia");
  }

  private static JsonObject claims() {
    long now = Instant.now().getEpochSecond();
    return new JsonObject().put("sub", Long.toString(member.id())).put("username", member.username())
        .put("name", "Tia").put("role", "member").put("iss", "holdspace").put("aud", List.of("holdspace"))
        .put("iat", now).put("exp", now + 600);
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String b64(JsonObject json) {
    return b64(json.encode().getBytes(StandardCharsets.UTF_8));
  }

  private static String signed(String algorithm, String javaAlgorithm, JsonObject claims, String secret) {
    String unsigned = b64(new JsonObject().put("alg", algorithm).put("typ", "JWT")) + "." + b64(claims);
    try {
      Mac mac = Mac.getInstance(javaAlgorithm);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), javaAlgorithm));
      return unsigned + "." + b64(mac.doFinal(unsigned.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hs256(JsonObject claims, String secret) {
    return signed("HS256", "HmacSHA256", claims, secret);
  }

  private static int statusWith(String token) {
    return server.get("/api/groups", token).statusCode();
  }

  private static void refused(String token) {
    JsonObject body = TestServer.expect(server.get("/api/groups", token), 401);
    assertEquals("unauthenticated", body.getString("code"));
  }

  @Test
  @DisplayName("a token built by hand with the server's secret is accepted, as is the one login gives")
  void handBuiltTokenAccepted() {
    assertEquals(200, statusWith(hs256(claims(), SECRET)));
    assertEquals(200, statusWith(member.token()));
  }

  @Test
  @DisplayName("refresh gives a new token for the same account, and needs a valid one")
  void refresh() {
    JsonObject refreshed = TestServer.expect(server.post("/api/auth/refresh", member.token(), null), 200);
    assertEquals(200, statusWith(refreshed.getString("token")));
    assertEquals(Long.toString(member.id()), new JsonObject(new String(Base64.getUrlDecoder()
        .decode(refreshed.getString("token").split("\\.")[1]), StandardCharsets.UTF_8)).getString("sub"));
    TestServer.expect(server.post("/api/auth/refresh", hs256(claims(), "another-secret-that-is-long-enough-x"), null),
        401);
  }

  @Test
  @DisplayName("a token signed with another secret gets 401")
  void otherSecret() {
    refused(hs256(claims(), "another-secret-that-is-long-enough-for-hs256"));
  }

  @Test
  @DisplayName("an expired token gets 401")
  void expired() {
    long now = Instant.now().getEpochSecond();
    refused(hs256(claims().put("iat", now - 7200).put("exp", now - 3600), SECRET));
  }

  @Test
  @DisplayName("an unsigned token (alg none) gets 401, with or without a trailing dot")
  void algNone() {
    String unsigned = b64(new JsonObject().put("alg", "none").put("typ", "JWT")) + "." + b64(claims());
    refused(unsigned + ".");
    refused(unsigned);
    refused(unsigned + "." + hs256(claims(), SECRET).split("\\.")[2]);
  }

  @Test
  @DisplayName("a token whose claims were changed after signing gets 401")
  void tampered() {
    String[] parts = hs256(claims(), SECRET).split("\\.");
    String promoted = parts[0] + "." + b64(claims().put("role", "facilitator")) + "." + parts[2];
    refused(promoted);
  }

  @Test
  @DisplayName("a token with another algorithm, issuer or audience, or with an unknown role, gets 401")
  void otherClaims() {
    refused(signed("HS512", "HmacSHA512", claims(), SECRET));
    refused(hs256(claims().put("iss", "someone-else"), SECRET));
    refused(hs256(claims().put("aud", List.of("someone-else")), SECRET));
    refused(hs256(claims().put("role", "superuser"), SECRET));
    JsonObject noSubject = claims();
    noSubject.remove("sub");
    refused(hs256(noSubject, SECRET));
  }

  @Test
  @DisplayName("no Authorization header, another scheme or garbage gets 401")
  void missingOrMalformedHeader() {
    refused(null);
    refused("");
    refused("not.a.jwt");
    refused("x".repeat(5000));
    WebClient client = server.clientFrom("127.0.0.1");
    var basic = client.get(server.port(), "127.0.0.1", "/api/groups")
        .putHeader("Authorization", "Basic " + b64((member.username() + ":" + TestServer.PASSWORD)
            .getBytes(StandardCharsets.UTF_8)))
        .send().await();
    assertEquals("unauthenticated", TestServer.expect(basic, 401).getString("code"));
    var tokenWithoutScheme = client.get(server.port(), "127.0.0.1", "/api/groups")
        .putHeader("Authorization", member.token()).send().await();
    assertEquals(401, tokenWithoutScheme.statusCode());
    client.close();
  }
}
