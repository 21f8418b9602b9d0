package org.holdspace.clinical;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.holdspace.core.Refusal;
import org.holdspace.http.Bodies;
import org.holdspace.core.Fields;
import org.holdspace.http.Responses;

/** {@code GET .../members/{userId}/review} and {@code PUT .../members/{userId}/relapse-plan}. */
public final class ReviewRoutes {
  private static final int MAX_TEXT = 4000;

  private final ReviewService reviews;

  public ReviewRoutes(ReviewService reviews) {
    this.reviews = reviews;
  }

  public void mount(Router router) {
    router.get("/api/groups/:id/members/:userId/review").handler(this::review);
    router.put("/api/groups/:id/members/:userId/relapse-plan").handler(this::relapsePlan);
  }

  private void review(RoutingContext ctx) {
    Responses.reply(ctx, 200, reviews.review(ClinicalAccess.Target.of(ctx)));
  }

  private void relapsePlan(RoutingContext ctx) {
    ClinicalAccess.Target target = ClinicalAccess.Target.of(ctx);
    JsonObject body = Bodies.object(ctx);
    ReviewService.RelapsePlan plan = new ReviewService.RelapsePlan(
        ClinicalFields.blankToNull(Fields.optionalText(body, "warningSigns", MAX_TEXT)),
        ClinicalFields.blankToNull(Fields.optionalText(body, "strategies", MAX_TEXT)),
        ClinicalFields.blankToNull(Fields.optionalText(body, "supports", MAX_TEXT)));
    if (plan.warningSigns() == null && plan.strategies() == null && plan.supports() == null) {
      throw Refusal.invalid("body: write at least one of warningSigns, strategies, supports");
    }
    Responses.reply(ctx, 200, reviews.saveRelapsePlan(target, plan));
  }
}
