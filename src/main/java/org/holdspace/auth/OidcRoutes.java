package org.holdspace.auth;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.holdspace.core.Refusal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /api/auth/oidc/login} (302 to the provider) and {@code GET /api/auth/oidc/callback} (302 to the web
 * client with the session in the URL fragment, which never reaches a server or a log; or with the reason it failed).
 */
public final class OidcRoutes {
  private final OidcSignIn oidc;

  public OidcRoutes(OidcSignIn oidc) {
    this.oidc = oidc;
  }

  public void mountPublic(Router router) {
    router.get("/api/auth/oidc/login").handler(this::login);
    router.get("/api/auth/oidc/callback").handler(this::callback);
  }

  private static String callbackUri(RoutingContext ctx) {
    return ctx.request().scheme() + "://" + ctx.request().authority() + "/api/auth/oidc/callback";
  }

  private void login(RoutingContext ctx) {
    oidc.start(callbackUri(ctx)).onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
      } else {
        redirect(ctx, ar.result());
      }
    });
  }

  private void callback(RoutingContext ctx) {
    String code = ctx.request().getParam("code");
    String state = ctx.request().getParam("state");
    if (code == null || state == null || code.length() > 2048 || state.length() > 200) {
      redirect(ctx, "/index.html#signin-error=" + encode(ctx.request().getParam("error") == null
          ? "the sign-in was not completed" : "the provider refused the sign-in"));
      return;
    }
    oidc.finish(code, state).onComplete(ar -> {
      if (ar.succeeded()) {
        redirect(ctx, "/index.html#token=" + encode(ar.result().token()) + "&expiresAt="
            + encode(ar.result().expiresAt().toString()));
      } else if (ar.cause() instanceof Refusal r && r.code() == Refusal.Code.UNAUTHENTICATED) {
        redirect(ctx, "/index.html#signin-error=" + encode(r.getMessage()));
      } else {
        ctx.fail(ar.cause());
      }
    });
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static void redirect(RoutingContext ctx, String location) {
    ctx.response().setStatusCode(302).putHeader("Location", location).end();
  }
}
