package org.holdspace.clinical;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.holdspace.http.Bodies;
import org.holdspace.http.Responses;

/**
 * {@code PUT .../members/{userId}/focus} (contract, extended with a second area and goals), {@code GET .../focus},
 * and {@code POST .../goals/ratings}.
 */
public final class FocusRoutes {
  private final FocusService focus;

  public FocusRoutes(FocusService focus) {
    this.focus = focus;
  }

  public void mount(Router router) {
    router.put("/api/groups/:id/members/:userId/focus").handler(this::set);
    router.get("/api/groups/:id/members/:userId/focus").handler(this::get);
    router.post("/api/groups/:id/members/:userId/goals/ratings").handler(this::rate);
  }

  private void set(RoutingContext ctx) {
    ClinicalAccess.Target target = ClinicalAccess.Target.of(ctx);
    FocusRequest request = FocusRequest.fromJson(Bodies.object(ctx));
    Responses.reply(ctx, 200, focus.set(target, request));
  }

  private void get(RoutingContext ctx) {
    Responses.reply(ctx, 200, focus.get(ClinicalAccess.Target.of(ctx)));
  }

  private void rate(RoutingContext ctx) {
    ClinicalAccess.Target target = ClinicalAccess.Target.of(ctx);
    GoalRatingsRequest request = GoalRatingsRequest.fromJson(Bodies.object(ctx));
    Responses.reply(ctx, 201, focus.rate(target, request));
  }
}
