package org.holdspace.auth;

import org.holdspace.core.AuthUser;
import org.holdspace.core.Refusal;
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
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues and verifies the HS256 tokens that carry an account's id, name and role. During a rotation of the signing
 * secret the previous one is still accepted for verification (never for signing), so tokens issued before the
 * rotation stay valid until they expire.
 *
 * <p>Each token carries the sign-in it descends from: {@code sid} (the same for a login and all its refreshes, so a
 * sign-out ends them all) and {@code auth_time} (the login's instant; no refresh reaches past
 * {@code sessionMaxHours} from it). A token without {@code exp} is refused. The {@link Check} then asks the store
 * whether the account and the sign-in still stand.
 */
public final class Tokens {
  private static final String ISSUER = "holdspace";

  /** What a verified token must also pass: the account is active, the sign-in not ended. */
  @FunctionalInterface
  public interface Check {
    Future<Verified> check(Verified token);
  }

  private final JWTAuth jwt;
  private final JWTAuth previous;
  private final long lifetimeSeconds;
  private final long sessionMaxSeconds;
  private final Check check;

  public Tokens(Vertx vertx, String secret, double lifetimeMinutes) {
    this(vertx, secret, Optional.empty(), lifetimeMinutes);
  }

  /** Signs with {@code secret}; verifies with it or, when given, with {@code previousSecret}. */
  public Tokens(Vertx vertx, String secret, Optional<String> previousSecret, double lifetimeMinutes) {
    this(vertx, secret, previousSecret, lifetimeMinutes, 12, Future::succeededFuture);
  }

  public Tokens(Vertx vertx, String secret, Optional<String> previousSecret, double lifetimeMinutes,
                double sessionMaxHours, Check check) {
    this.lifetimeSeconds = Math.max(1, Math.round(lifetimeMinutes * 60));
    this.sessionMaxSeconds = Math.max(1, Math.round(sessionMaxHours * 3600));
    this.check = check;
    this.jwt = verifier(vertx, secret);
    this.previous = previousSecret.map(s -> verifier(vertx, s)).orElse(null);
  }

  private static JWTAuth verifier(Vertx vertx, String secret) {
    return JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret))
        .setJWTOptions(new JWTOptions().setIssuer(ISSUER).setAudience(List.of(ISSUER))));
  }

  /** A token for a fresh sign-in (password or SSO). */
  public Issued issue(AuthUser user) {
    return issue(user, Instant.now(), UUID.randomUUID().toString());
  }

  /**
   * A token of the sign-in {@code sid} that began at {@code authTime}; it ends no later than
   * {@code sessionMaxHours} after that, and none is issued once that has passed.
   */
  public Issued issue(AuthUser user, Instant authTime, String sid) {
    Instant now = Instant.now();
    long left = authTime.getEpochSecond() + sessionMaxSeconds - now.getEpochSecond();
    long seconds = Math.min(lifetimeSeconds, left);
    if (seconds <= 0) {
      throw Refusal.unauthenticated("this sign-in has reached its longest duration; sign in again");
    }
    JsonObject claims = new JsonObject()
        .put("sub", Long.toString(user.id()))
        .put("username", user.username())
        .put("name", user.displayName())
        .put("role", user.role().wire())
        .put("sid", sid)
        .put("auth_time", authTime.getEpochSecond())
        .put("iat_ms", now.toEpochMilli())
        .put("jti", UUID.randomUUID().toString());
    String token = jwt.generateToken(claims, new JWTOptions()
        .setAlgorithm("HS256")
        .setIssuer(ISSUER)
        .setAudience(List.of(ISSUER))
        .setExpiresInSeconds((int) seconds));
    return new Issued(token, Instant.ofEpochSecond(now.getEpochSecond() + seconds));
  }

  /** When the token's sign-in ends at the latest, whatever its refreshes. */
  public Instant sessionEnds(Verified token) {
    return token.authTime().plusSeconds(sessionMaxSeconds);
  }

  /** The account a token names, or a failed future when it is malformed, forged, expired or ended. */
  public Future<AuthUser> verify(String token) {
    return verifyToken(token).map(Verified::user);
  }

  /** The token's account and sign-in, or a failed future when it is malformed, forged, expired or ended. */
  public Future<Verified> verifyToken(String token) {
    if (token == null || token.isBlank() || token.length() > 4096) {
      return Future.failedFuture("no token");
    }
    TokenCredentials credentials = new TokenCredentials(token);
    return jwt.authenticate(credentials)
        .recover(e -> previous == null ? Future.failedFuture(e) : previous.authenticate(credentials))
        // The principal leaves out the registered claims (exp, iat); the decoded payload keeps them.
        .map(user -> parse(user.attributes().getJsonObject("accessToken", user.principal())))
        .compose(check::check);
  }

  private static Verified parse(JsonObject p) {
    String role = p.getString("role");
    if (role == null || !Role.NAMES.contains(role)) {
      throw new IllegalArgumentException("token without a role");
    }
    if (!(p.getValue("exp") instanceof Number exp)) {
      throw new IllegalArgumentException("token without an expiry");
    }
    long iat = p.getValue("iat") instanceof Number n ? n.longValue() : 0;
    long issuedMs = p.getValue("iat_ms") instanceof Number n ? n.longValue() : iat * 1000;
    long authTime = p.getValue("auth_time") instanceof Number n ? n.longValue() : iat;
    String sid = p.getString("sid", "legacy-" + p.getString("sub") + "-" + iat);
    AuthUser user = new AuthUser(Long.parseLong(p.getString("sub")), p.getString("username"), p.getString("name"),
        Role.fromWire(role));
    return new Verified(user, sid, Instant.ofEpochMilli(issuedMs), Instant.ofEpochSecond(exp.longValue()),
        Instant.ofEpochSecond(authTime), false);
  }

  /** A token and its expiry. */
  public record Issued(String token, Instant expiresAt) {
  }

  /**
   * A verified token: its account, its sign-in ({@code sid}, begun at {@code authTime}), when it was issued and
   * when it expires, and (once checked against the store) whether the account has TOTP on.
   */
  public record Verified(AuthUser user, String sid, Instant issuedAt, Instant expiresAt, Instant authTime,
                         boolean totpEnabled) {
    public Verified withTotp(boolean enabled) {
      return new Verified(user, sid, issuedAt, expiresAt, authTime, enabled);
    }
  }
}
