package org.holdspace.auth;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.holdspace.http.Bodies;
import org.holdspace.core.Fields;
import org.holdspace.http.Responses;

/**
 * Signing in and out, refreshing, and the account's own password: {@code POST /api/auth/login},
 * {@code /api/auth/reset} (no token), {@code /api/auth/refresh}, {@code /api/auth/logout}, {@code /api/auth/password}.
 */
public final class AccountRoutes {
  private final AccountService accounts;
  private final Passwords passwords;

  public AccountRoutes(AccountService accounts, Passwords passwords) {
    this.accounts = accounts;
    this.passwords = passwords;
  }

  /** Routes that need no token. */
  public void mountPublic(Router router) {
    router.post("/api/auth/login").handler(this::login);
    router.post("/api/auth/reset").handler(this::reset);
  }

  /** Routes behind the token check. */
  public void mount(Router router) {
    router.post("/api/auth/refresh").handler(this::refresh);
    router.post("/api/auth/logout").handler(this::logout);
    router.post("/api/auth/logout-all").handler(ctx -> noContent(ctx, accounts.logoutEverywhere(AuthHandler.token(ctx))));
    router.post("/api/auth/password").handler(this::changePassword);
  }

  private void login(RoutingContext ctx) {
    JsonObject body = Bodies.object(ctx);
    String username = Fields.text(body, "username", 1, 100);
    String password = Fields.text(body, "password", 1, 200);
    String totp = Fields.optionalText(body, "totp", 40);
    String address = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
    Responses.reply(ctx, 200, accounts.login(username, password, totp, address).map(login -> new JsonObject()
        .put("token", login.issued().token())
        .put("expiresAt", login.issued().expiresAt().toString())
        .put("user", login.user().toJson())));
  }

  private void refresh(RoutingContext ctx) {
    Responses.reply(ctx, 200, accounts.refresh(AuthHandler.token(ctx)).map(issued -> new JsonObject()
        .put("token", issued.token())
        .put("expiresAt", issued.expiresAt().toString())));
  }

  private void logout(RoutingContext ctx) {
    noContent(ctx, accounts.logout(AuthHandler.token(ctx)));
  }

  private void changePassword(RoutingContext ctx) {
    JsonObject body = Bodies.object(ctx);
    String current = Fields.text(body, "currentPassword", 1, 200);
    String next = Fields.text(body, "newPassword", 1, 400);
    noContent(ctx, passwords.change(AuthHandler.user(ctx), current, next));
  }

  private void reset(RoutingContext ctx) {
    JsonObject body = Bodies.object(ctx);
    String token = Fields.text(body, "resetToken", 1, 200);
    String next = Fields.text(body, "newPassword", 1, 400);
    noContent(ctx, passwords.reset(token, next));
  }

  static void noContent(RoutingContext ctx, io.vertx.core.Future<Void> result) {
    result.onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
      } else if (!ctx.response().ended()) {
        ctx.response().setStatusCode(204).end();
      }
    });
  }
}
