package org.holdspace.auth;

import org.holdspace.core.AuthUser;
import org.holdspace.core.Role;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;

import java.time.Instant;
import java.util.Optional;

/**
 * Issues and verifies the HS256 tokens that carry an account's id, name and role. During a rotation of the signing
 * secret the previous one is still accepted for verification (never for signing), so tokens issued before the
 * rotation stay valid until they expire.
 */
public final class Tokens {
  private static final String ISSUER = "holdspace";

  private final JWTAuth jwt;
  private final JWTAuth previous;
  private final int lifetimeMinutes;

  public Tokens(Vertx vertx, String secret, int lifetimeMinutes) {
    this(vertx, secret, Optional.empty(), lifetimeMinutes);
  }

  /** Signs with {@code secret}; verifies with it or, when given, with {@code previousSecret}. */
  public Tokens(Vertx vertx, String secret, Optional<String> previousSecret, int lifetimeMinutes) {
    this.lifetimeMinutes = lifetimeMinutes;
    this.jwt = verifier(vertx, secret);
    this.previous = previousSecret.map(s -> verifier(vertx, s)).orElse(null);
  }

  private static JWTAuth verifier(Vertx vertx, String secret) {
    return JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret))
        .setJWTOptions(new JWTOptions().setIssuer(ISSUER).setAudience(java.util.List.of(ISSUER))));
  }

  /** A signed token for the account and the instant it stops being valid. */
  public Issued issue(AuthUser user) {
    JsonObject claims = new JsonObject()
        .put("sub", Long.toString(user.id()))
        .put("username", user.username())
        .put("name", user.displayName())
        .put("role", user.role().wire());
    String token = jwt.generateToken(claims, new JWTOptions()
        .setAlgorithm("HS256")
        .setIssuer(ISSUER)
        .setAudience(java.util.List.of(ISSUER))
        .setExpiresInMinutes(lifetimeMinutes));
    return new Issued(token, Instant.now().plusSeconds(lifetimeMinutes * 60L));
  }

  /** The account a token names, or a failed future when it is malformed, forged or expired. */
  public Future<AuthUser> verify(String token) {
    if (token == null || token.isBlank() || token.length() > 4096) {
      return Future.failedFuture("no token");
    }
    TokenCredentials credentials = new TokenCredentials(token);
    return jwt.authenticate(credentials)
        .recover(e -> previous == null ? Future.failedFuture(e) : previous.authenticate(credentials))
        .map(user -> {
          JsonObject p = user.principal();
          String role = p.getString("role");
          if (role == null || !Role.NAMES.contains(role)) {
            throw new IllegalArgumentException("token without a role");
          }
          return new AuthUser(Long.parseLong(p.getString("sub")), p.getString("username"), p.getString("name"),
              Role.fromWire(role));
        });
  }

  /** A token and its expiry. */
  public record Issued(String token, Instant expiresAt) {
  }
}
