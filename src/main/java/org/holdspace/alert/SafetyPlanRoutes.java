package org.holdspace.alert;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.holdspace.auth.AuthHandler;
import org.holdspace.core.Fields;
import org.holdspace.http.Bodies;
import org.holdspace.http.Responses;

/** {@code GET} and {@code PUT /api/groups/{id}/members/{userId}/safety-plan}: the member and the facilitators. */
public final class SafetyPlanRoutes {
  private static final String PATH = "/api/groups/:id/members/:userId/safety-plan";

  private final SafetyPlans plans;

  public SafetyPlanRoutes(SafetyPlans plans) {
    this.plans = plans;
  }

  public void mount(Router router) {
    router.get(PATH).handler(this::get);
    router.put(PATH).handler(this::put);
  }

  private void get(RoutingContext ctx) {
    Responses.reply(ctx, 200, plans.get(AuthHandler.user(ctx), Fields.pathId(ctx.pathParam("id")),
        Fields.pathId(ctx.pathParam("userId"))));
  }

  private void put(RoutingContext ctx) {
    long groupId = Fields.pathId(ctx.pathParam("id"));
    long memberId = Fields.pathId(ctx.pathParam("userId"));
    Responses.reply(ctx, 200, plans.put(AuthHandler.user(ctx), groupId, memberId, Bodies.object(ctx)));
  }
}
