package org.holdspace.auth;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.holdspace.core.Fields;
import org.holdspace.http.Bodies;
import org.holdspace.http.Responses;

/** The signed-in account's TOTP: {@code POST /api/auth/totp/setup}, {@code /enable}, {@code /disable}. */
public final class TotpRoutes {
  private final Totp totp;

  public TotpRoutes(Totp totp) {
    this.totp = totp;
  }

  public void mount(Router router) {
    router.post("/api/auth/totp/setup").handler(ctx -> Responses.reply(ctx, 200, totp.setup(AuthHandler.user(ctx))));
    router.post("/api/auth/totp/enable").handler(ctx ->
        Responses.reply(ctx, 200, totp.enable(AuthHandler.user(ctx), code(ctx))));
    router.post("/api/auth/totp/disable").handler(ctx ->
        AccountRoutes.noContent(ctx, totp.disable(AuthHandler.user(ctx), code(ctx))));
  }

  private static String code(RoutingContext ctx) {
    JsonObject body = Bodies.object(ctx);
    return Fields.text(body, "code", 1, 40);
  }
}
