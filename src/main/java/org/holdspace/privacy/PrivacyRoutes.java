package org.holdspace.privacy;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.holdspace.auth.AuthHandler;
import org.holdspace.clinical.ClinicalAccess;
import org.holdspace.core.Fields;
import org.holdspace.core.AuthUser;
import org.holdspace.core.Role;
import org.holdspace.http.Bodies;
import org.holdspace.http.Responses;

/** {@code GET /api/me/export}, {@code GET …/members/{userId}/fhir} and {@code POST /api/users/{id}/erase}. */
public final class PrivacyRoutes {
  static final String FHIR_JSON = "application/fhir+json; charset=utf-8";
  private final PrivacyService privacy;

  public PrivacyRoutes(PrivacyService privacy) {
    this.privacy = privacy;
  }

  public void mount(Router router) {
    router.get("/api/me/export").handler(ctx -> Responses.reply(ctx, 200, privacy.export(AuthHandler.user(ctx))));
    router.get("/api/groups/:id/members/:userId/fhir").handler(this::fhir);
    router.post("/api/users/:id/erase").handler(this::erase);
  }

  private void fhir(RoutingContext ctx) {
    ClinicalAccess.Target target = new ClinicalAccess.Target(AuthHandler.user(ctx),
        Fields.pathId(ctx.pathParam("id")), Fields.pathId(ctx.pathParam("userId")));
    privacy.fhir(target).onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
      } else if (!ctx.response().ended()) {
        ctx.response().setStatusCode(200).putHeader("content-type", FHIR_JSON).end(ar.result());
      }
    });
  }

  private void erase(RoutingContext ctx) {
    AuthUser admin = AuthHandler.require(ctx, Role.ADMIN);
    long userId = Fields.pathId(ctx.pathParam("id"));
    JsonObject body = Bodies.object(ctx);
    String reason = Fields.text(body, "reason", 1, 1000);
    privacy.erase(admin, userId, reason).onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
      } else if (!ctx.response().ended()) {
        ctx.response().setStatusCode(204).end();
      }
    });
  }
}
