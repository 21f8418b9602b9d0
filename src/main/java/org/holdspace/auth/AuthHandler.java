package org.holdspace.auth;

import org.holdspace.core.AuthUser;
import org.holdspace.core.Role;

import io.vertx.ext.web.RoutingContext;
import org.holdspace.core.Refusal;

/** Requires a valid bearer token and puts its account on the routing context. */
public final class AuthHandler implements io.vertx.core.Handler<RoutingContext> {
  private static final String KEY = "holdspace.user";
  private final Tokens tokens;

  public AuthHandler(Tokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      ctx.fail(Refusal.unauthenticated());
      return;
    }
    tokens.verify(header.substring(7).trim()).onComplete(ar -> {
      if (ar.succeeded()) {
        ctx.put(KEY, ar.result());
        ctx.next();
      } else {
        ctx.fail(Refusal.unauthenticated());
      }
    });
  }

  /** The signed-in account of a request that passed this handler. */
  public static AuthUser user(RoutingContext ctx) {
    return ctx.get(KEY);
  }

  /** The signed-in account, which must have the role. */
  public static AuthUser require(RoutingContext ctx, Role role) {
    AuthUser user = user(ctx);
    if (user.role() != role) {
      throw Refusal.forbidden();
    }
    return user;
  }
}
