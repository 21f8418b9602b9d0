package org.holdspace.protocol;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.holdspace.auth.AuthHandler;
import org.holdspace.core.AuthUser;
import org.holdspace.core.Role;
import org.holdspace.http.Bodies;
import org.holdspace.http.Responses;

/** {@code GET /api/protocols} (signed in) and {@code POST /api/protocols} (admins). */
public final class ProtocolRoutes {
  private final Protocols protocols;

  public ProtocolRoutes(Protocols protocols) {
    this.protocols = protocols;
  }

  public void mount(Router router) {
    router.get("/api/protocols").handler(this::list);
    router.post("/api/protocols").handler(this::define);
  }

  private void list(RoutingContext ctx) {
    AuthHandler.user(ctx);
    Responses.reply(ctx, 200, protocols.list());
  }

  private void define(RoutingContext ctx) {
    AuthUser admin = AuthHandler.require(ctx, Role.ADMIN);
    Protocol protocol = ProtocolDefinition.fromJson(Bodies.object(ctx), false);
    Responses.reply(ctx, 201, protocols.define(admin, protocol));
  }
}
