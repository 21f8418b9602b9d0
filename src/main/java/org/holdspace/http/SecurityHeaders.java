package org.holdspace.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers on every answer: a strict content security policy, no framing, no sniffing, no referrer, and no caching of
 * API answers however their path is spelt. It runs first, before any routing decision.
 */
public final class SecurityHeaders implements Handler<RoutingContext> {
  private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  @Override
  public void handle(RoutingContext ctx) {
    ctx.response().headers()
        .set("Content-Security-Policy", CSP)
        .set("X-Content-Type-Options", "nosniff")
        .set("X-Frame-Options", "DENY")
        .set("Referrer-Policy", "no-referrer")
        .set("Cross-Origin-Opener-Policy", "same-origin")
        .set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (ctx.request().isSSL()) {
      ctx.response().headers().set("Strict-Transport-Security", "max-age=31536000");
    }
    if (isApi(ctx)) {
      ctx.response().headers().set("Cache-Control", "no-store");
    }
    ctx.next();
  }

  /**
   * Whether the request is for {@code /api/**} as the router sees it: on the normalised path (dot segments
   * resolved, unreserved %-escapes decoded) with runs of slashes as one, so that {@code //api/…}, {@code /./api/…}
   * or {@code /%61pi/…}, which the router hands to the API's routes, are answered with the API's headers too.
   */
  private static boolean isApi(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    if (path == null) {
      path = ctx.request().path() == null ? "" : ctx.request().path();
    }
    return path.replaceAll("/{2,}", "/").startsWith("/api/");
  }
}
