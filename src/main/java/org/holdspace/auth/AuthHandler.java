package org.holdspace.auth;

import org.holdspace.core.AuthUser;
import org.holdspace.core.Role;

import io.vertx.ext.web.RoutingContext;
import org.holdspace.core.Refusal;

import java.util.Set;

/**
 * Requires a valid bearer token and puts its account on the routing context. An account whose role must use TOTP
 * and has not enabled it reaches only the TOTP set-up calls (and sign-out) until it does.
 */
public final class AuthHandler implements io.vertx.core.Handler<RoutingContext> {
  private static final String KEY = "holdspace.user";
  private static final String TOKEN_KEY = "holdspace.token";
  private static final Set<String> SETUP_PATHS = Set.of("/api/auth/totp/setup", "/api/auth/totp/enable",
      "/api/auth/logout", "/api/auth/logout-all");
  private final Tokens tokens;
  private final Set<Role> requireTotpFor;

  public AuthHandler(Tokens tokens) {
    this(tokens, Set.of());
  }

  public AuthHandler(Tokens tokens, Set<Role> requireTotpFor) {
    this.tokens = tokens;
    this.requireTotpFor = requireTotpFor;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      ctx.fail(Refusal.unauthenticated());
      return;
    }
    tokens.verifyToken(header.substring(7).trim()).onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause() instanceof Refusal r && r.code() != Refusal.Code.UNAUTHENTICATED
            ? r : Refusal.unauthenticated());
        return;
      }
      Tokens.Verified token = ar.result();
      if (mustSetUpTotp(token) && !SETUP_PATHS.contains(ctx.normalizedPath())) {
        ctx.fail(Refusal.totpSetupRequired());
        return;
      }
      ctx.put(KEY, token.user());
      ctx.put(TOKEN_KEY, token);
      ctx.next();
    });
  }

  /**
   * A socket's token: verified as for HTTP, and refused with {@code totp_setup_required} when its account must enable
   * TOTP first (a socket has no set-up calls to reach).
   */
  public io.vertx.core.Future<Tokens.Verified> verifyForSocket(String token) {
    return tokens.verifyToken(token).map(verified -> {
      if (mustSetUpTotp(verified)) {
        throw Refusal.totpSetupRequired();
      }
      return verified;
    });
  }

  /** Whether the token's account must enable TOTP before it may do anything else. */
  public boolean mustSetUpTotp(Tokens.Verified token) {
    return !token.totpEnabled() && requireTotpFor.contains(token.user().role());
  }

  /** The signed-in account of a request that passed this handler. */
  public static AuthUser user(RoutingContext ctx) {
    return ctx.get(KEY);
  }

  /** The verified token of a request that passed this handler. */
  public static Tokens.Verified token(RoutingContext ctx) {
    return ctx.get(TOKEN_KEY);
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
