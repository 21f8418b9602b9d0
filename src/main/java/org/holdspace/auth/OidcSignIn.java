package org.holdspace.auth;

import org.holdspace.config.Oidc;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.oauth2.OAuth2Auth;
import io.vertx.ext.auth.oauth2.OAuth2AuthorizationURL;
import io.vertx.ext.auth.oauth2.OAuth2FlowType;
import io.vertx.ext.auth.oauth2.OAuth2Options;
import io.vertx.ext.auth.oauth2.Oauth2Credentials;
import io.vertx.ext.auth.oauth2.providers.OpenIDConnectAuth;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.holdspace.config.Config;
import org.holdspace.core.Refusal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

/**
 * OpenID Connect sign-in, authorization code flow with PKCE (S256) and {@code state}. The login under way is kept in
 * PostgreSQL (state hashed, ten minutes) so that the provider may send the browser back to any node. The callback
 * signs in the active account linked to the provider's {@code sub}, or, the first time, the active account whose
 * e-mail is the provider's verified one (linking it).
 */
public final class OidcSignIn {
  private static final String ADD = "INSERT INTO oidc_logins (state_hash, code_verifier, redirect_uri, expires_at) "
      + "VALUES ($1, $2, $3, $4)";
  private static final String TAKE = "DELETE FROM oidc_logins WHERE state_hash = $1 RETURNING code_verifier, "
      + "redirect_uri, expires_at > now() AS fresh";
  private static final String PURGE = "DELETE FROM oidc_logins WHERE expires_at < now()";
  private static final String BY_SUBJECT = "SELECT id FROM users WHERE oidc_subject = $1 AND active";
  private static final String LINK_BY_EMAIL = "UPDATE users SET oidc_subject = $1 WHERE id = (SELECT id FROM users "
      + "WHERE lower(email) = lower($2) AND active AND oidc_subject IS NULL ORDER BY id LIMIT 1) RETURNING id";

  private final Vertx vertx;
  private final Pool pool;
  private final Oidc settings;
  private final UserRepository users;
  private final Tokens tokens;
  private Future<OAuth2Auth> provider;

  public OidcSignIn(Vertx vertx, Pool pool, Oidc settings, UserRepository users, Tokens tokens) {
    this.vertx = vertx;
    this.pool = pool;
    this.settings = settings;
    this.users = users;
    this.tokens = tokens;
  }

  /** The provider, from its discovery document; read again after a failure. */
  private synchronized Future<OAuth2Auth> provider() {
    if (provider == null || provider.failed()) {
      provider = OpenIDConnectAuth.discover(vertx, new OAuth2Options().setSite(settings.issuer())
          .setClientId(settings.clientId()).setClientSecret(settings.clientSecret()));
    }
    return provider;
  }

  /** Where to send the browser: the provider's authorization URL for a new login under way. */
  public Future<String> start(String redirectUri) {
    String state = ResetTokens.create();
    String verifier = ResetTokens.create() + ResetTokens.create();
    return pool.query(PURGE).execute()
        .compose(v -> pool.preparedQuery(ADD).execute(Tuple.of(ResetTokens.hash(state), verifier, redirectUri,
            Instant.now().plusSeconds(600).atOffset(ZoneOffset.UTC))))
        .compose(v -> provider())
        .map(p -> p.authorizeURL(new OAuth2AuthorizationURL().setRedirectUri(redirectUri)
            .setScopes(List.of("openid", "email", "profile")).setState(state)
            .setCodeChallenge(challenge(verifier)).setCodeChallengeMethod("S256")));
  }

  /** Completes the login {@code state} with the provider's code; the token of the account it signs in. */
  public Future<Tokens.Issued> finish(String code, String state) {
    return pool.preparedQuery(TAKE).execute(Tuple.of(ResetTokens.hash(state))).compose(rows -> {
      if (!rows.iterator().hasNext() || !rows.iterator().next().getBoolean("fresh")) {
        return Future.failedFuture(Refusal.unauthenticated("state: unknown or expired sign-in"));
      }
      var row = rows.iterator().next();
      return provider().compose(p -> p.authenticate(new Oauth2Credentials().setFlow(OAuth2FlowType.AUTH_CODE)
              .setCode(code).setRedirectUri(row.getString("redirect_uri"))
              .setCodeVerifier(row.getString("code_verifier"))))
          .recover(e -> Future.failedFuture(Refusal.unauthenticated("the provider did not confirm the sign-in")))
          .compose(user -> account(user.attributes().getJsonObject("idToken", new JsonObject())));
    }).compose(id -> users.findById(pool, id))
        .map(found -> tokens.issue(found.orElseThrow(Refusal::unauthenticated).user()));
  }

  private Future<Long> account(JsonObject claims) {
    String sub = claims.getString("sub");
    if (sub == null) {
      return Future.failedFuture(Refusal.unauthenticated("the provider named no subject"));
    }
    String subject = settings.issuer() + "|" + sub;
    return pool.preparedQuery(BY_SUBJECT).execute(Tuple.of(subject)).compose(rows -> {
      if (rows.iterator().hasNext()) {
        return Future.succeededFuture(rows.iterator().next().getLong(0));
      }
      String email = claims.getString("email");
      if (email == null || !Boolean.TRUE.equals(claims.getValue("email_verified"))) {
        return Future.failedFuture(Refusal.unauthenticated("no account is linked to this sign-in"));
      }
      return pool.preparedQuery(LINK_BY_EMAIL).execute(Tuple.of(subject, email)).map(linked -> {
        if (!linked.iterator().hasNext()) {
          throw Refusal.unauthenticated("no account is linked to this sign-in");
        }
        return linked.iterator().next().getLong(0);
      });
    });
  }

  private static String challenge(String verifier) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
