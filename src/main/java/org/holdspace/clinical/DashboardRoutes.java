package org.holdspace.clinical;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.holdspace.auth.AuthHandler;
import org.holdspace.core.Fields;
import org.holdspace.http.Responses;

/** {@code GET /api/groups/{id}/dashboard}: the facilitator's overview of every member's course. */
public final class DashboardRoutes {
  private final DashboardService dashboard;

  public DashboardRoutes(DashboardService dashboard) {
    this.dashboard = dashboard;
  }

  public void mount(Router router) {
    router.get("/api/groups/:id/dashboard").handler(this::get);
  }

  private void get(RoutingContext ctx) {
    Responses.reply(ctx, 200, dashboard.get(AuthHandler.user(ctx), Fields.pathId(ctx.pathParam("id"))));
  }
}
