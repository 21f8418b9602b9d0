package org.holdspace.security;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.holdspace.support.TestServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/** Tokens made by hand, the way an attacker would: expired, signed with another key, or not signed at all. */
final class Jwts {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private Jwts() {
  }

  /** The claims the server puts in a token for the account, valid from {@code iat} to {@code exp} (epoch seconds). */
  static JsonObject claims(TestServer.Account account, String role, long iat, long exp) {
    return new JsonObject()
        .put("sub", Long.toString(account.id()))
        .put("username", account.username())
        .put("name", account.displayName())
        .put("role", role)
        .put("iss", "holdspace")
        .put("aud", new JsonArray().add("holdspace"))
        .put("iat", iat)
        .put("exp", exp);
  }

  static String hs256(JsonObject claims, String secret) {
    String signingInput = part(new JsonObject().put("alg", "HS256").put("typ", "JWT")) + "." + part(claims);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return signingInput + "." + B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String unsigned(JsonObject claims) {
    return part(new JsonObject().put("alg", "none").put("typ", "JWT")) + "." + part(claims) + ".";
  }

  static long now() {
    return System.currentTimeMillis() / 1000;
  }

  private static String part(JsonObject json) {
    return B64.encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
  }
}
