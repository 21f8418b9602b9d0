package org.holdspace.schedule;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.holdspace.auth.AuthHandler;
import org.holdspace.core.AuthUser;
import org.holdspace.core.Fields;
import org.holdspace.core.Refusal;
import org.holdspace.http.Bodies;
import org.holdspace.http.Responses;

import java.time.Instant;
import java.util.Set;

/**
 * {@code PATCH /api/groups/{id}/sessions/{number}}, {@code GET /api/me/calendar}, {@code POST
 * /api/me/calendar/rotate} and, with no sign-in, {@code GET /api/calendar/{calendarToken}.ics}.
 */
final class ScheduleRoutes {
  static final String ICS = "text/calendar; charset=utf-8";
  private static final Set<String> FIELDS = Set.of("scheduledAt", "cancelled");

  private final PlanChanges changes;
  private final CalendarFeed feed;
  private final String publicUrl;

  ScheduleRoutes(PlanChanges changes, CalendarFeed feed, String publicUrl) {
    this.changes = changes;
    this.feed = feed;
    this.publicUrl = publicUrl;
  }

  void mount(Router router) {
    router.patch("/api/groups/:id/sessions/:number").handler(this::change);
    router.get("/api/me/calendar").handler(ctx -> Responses.reply(ctx, 200,
        feed.token(AuthHandler.user(ctx).id()).map(token -> link(ctx, token))));
    router.post("/api/me/calendar/rotate").handler(ctx -> Responses.reply(ctx, 200,
        feed.rotate(AuthHandler.user(ctx).id()).map(token -> link(ctx, token))));
  }

  void mountPublic(Router router) {
    // The contract's address is /api/calendar/{calendarToken}.ics; OpenAPI wants a parameter to be a whole segment.
    router.get("/api/calendar/:calendarFile").handler(this::ics);
  }

  private void change(RoutingContext ctx) {
    AuthUser user = AuthHandler.user(ctx);
    long groupId = Fields.pathId(ctx.pathParam("id"));
    long number = Fields.pathId(ctx.pathParam("number"));
    if (number > 10_000) {
      throw Refusal.notFound();
    }
    JsonObject body = Bodies.object(ctx);
    for (String field : body.fieldNames()) {
      if (!FIELDS.contains(field)) {
        throw Refusal.invalid(field + ": unknown field (scheduledAt, cancelled)");
      }
    }
    Instant at = Fields.optionalInstant(body, "scheduledAt");
    Object cancelled = body.getValue("cancelled");
    if (cancelled != null && !(cancelled instanceof Boolean)) {
      throw Refusal.invalid("cancelled: must be true or false");
    }
    if (at == null && cancelled == null) {
      throw Refusal.invalid("scheduledAt: give a new time, or cancelled");
    }
    Responses.reply(ctx, 200, changes.change(user, groupId, (int) number, at, (Boolean) cancelled));
  }

  private JsonObject link(RoutingContext ctx, String token) {
    String base = publicUrl;
    if (base.isEmpty() && ctx.request().authority() != null) {
      base = ctx.request().scheme() + "://" + ctx.request().authority();
    }
    return new JsonObject().put("calendarToken", token).put("url", base + "/api/calendar/" + token + ".ics");
  }

  private void ics(RoutingContext ctx) {
    String file = ctx.pathParam("calendarFile");
    if (!file.endsWith(".ics")) {
      throw Refusal.notFound();
    }
    feed.ics(file.substring(0, file.length() - ".ics".length())).onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
      } else if (!ctx.response().ended()) {
        ctx.response().setStatusCode(200).putHeader("content-type", ICS).putHeader("cache-control", "no-store")
            .end(ar.result());
      }
    });
  }
}
