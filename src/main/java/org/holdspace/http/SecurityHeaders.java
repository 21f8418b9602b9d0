package org.holdspace.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Headers on every answer: a strict content security policy, no framing, no sniffing, no referrer. */
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
    if (ctx.request().path().startsWith("/api/")) {
      ctx.response().headers().set("Cache-Control", "no-store");
    }
    ctx.next();
  }
}
