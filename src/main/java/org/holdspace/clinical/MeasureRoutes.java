package org.holdspace.clinical;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.holdspace.http.Bodies;
import org.holdspace.http.Responses;

/** {@code POST} and {@code GET /api/groups/{id}/members/{userId}/measures} (contract). */
public final class MeasureRoutes {
  private final MeasureService measures;

  public MeasureRoutes(MeasureService measures) {
    this.measures = measures;
  }

  public void mount(Router router) {
    router.post("/api/groups/:id/members/:userId/measures").handler(this::record);
    router.get("/api/groups/:id/members/:userId/measures").handler(this::list);
  }

  private void record(RoutingContext ctx) {
    ClinicalAccess.Target target = ClinicalAccess.Target.of(ctx);
    MeasureRequest request = MeasureRequest.fromJson(Bodies.object(ctx));
    Responses.reply(ctx, 201, measures.record(target, request));
  }

  private void list(RoutingContext ctx) {
    Responses.reply(ctx, 200, measures.list(ClinicalAccess.Target.of(ctx)));
  }
}
