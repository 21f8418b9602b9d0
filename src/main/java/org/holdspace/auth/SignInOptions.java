package org.holdspace.auth;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.holdspace.config.Oidc;
import org.holdspace.http.Responses;

import java.util.Optional;

/**
 * {@code GET /api/auth/providers} (no sign-in): the ways to sign in besides a password, for the sign-in page to
 * offer: {@code {"oidc": {"name", "loginUrl"}}} when OpenID Connect is configured, {@code {"oidc": null}} otherwise.
 */
public final class SignInOptions {
  private final JsonObject answer;

  public SignInOptions(Optional<Oidc> oidc) {
    this.answer = new JsonObject().put("oidc", oidc.map(o -> new JsonObject().put("name", o.name())
        .put("loginUrl", "/api/auth/oidc/login")).orElse(null));
  }

  public void mountPublic(Router router) {
    router.get("/api/auth/providers").handler(ctx -> Responses.reply(ctx, 200, Future.succeededFuture(answer)));
  }
}
