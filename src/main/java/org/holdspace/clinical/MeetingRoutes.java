package org.holdspace.clinical;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.holdspace.core.Refusal;
import org.holdspace.http.Bodies;
import org.holdspace.core.Fields;
import org.holdspace.http.Responses;

/** {@code GET .../members/{userId}/meetings} and {@code PUT .../members/{userId}/meetings/{kind}}. */
public final class MeetingRoutes {
  private final MeetingService meetings;

  public MeetingRoutes(MeetingService meetings) {
    this.meetings = meetings;
  }

  public void mount(Router router) {
    router.get("/api/groups/:id/members/:userId/meetings").handler(this::list);
    router.put("/api/groups/:id/members/:userId/meetings/:kind").handler(this::change);
  }

  private void list(RoutingContext ctx) {
    Responses.reply(ctx, 200, meetings.list(ClinicalAccess.Target.of(ctx)));
  }

  private void change(RoutingContext ctx) {
    ClinicalAccess.Target target = ClinicalAccess.Target.of(ctx);
    String kind = ctx.pathParam("kind");
    if (!MeetingPlan.KINDS.contains(kind)) {
      throw Refusal.notFound();
    }
    JsonObject body = Bodies.object(ctx);
    Object held = body.getValue("held");
    if (held != null && !(held instanceof Boolean)) {
      throw Refusal.invalid("held: must be true or false");
    }
    MeetingService.Change change = new MeetingService.Change(kind, Fields.optionalInstant(body, "scheduledAt"),
        (Boolean) held);
    if (change.scheduledAt() == null && change.held() == null) {
      throw Refusal.invalid("body: give scheduledAt, held or both");
    }
    Responses.reply(ctx, 200, meetings.change(target, change));
  }
}
