package org.holdspace.alert;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.holdspace.auth.AuthHandler;
import org.holdspace.core.AuthUser;
import org.holdspace.core.Fields;
import org.holdspace.core.Refusal;
import org.holdspace.group.GroupAccess;
import org.holdspace.http.Bodies;
import org.holdspace.http.Responses;

import java.util.Set;

/**
 * The alerts over HTTP: the facilitators' queue and its follow-up (list, acknowledge, resolve), a member's request
 * for help now, and the crisis resources.
 */
public final class AlertRoutes {
  private static final int MAX_NOTE = 2000;

  private final Alerts alerts;
  private final GroupAccess access;

  public AlertRoutes(Alerts alerts, GroupAccess access) {
    this.alerts = alerts;
    this.access = access;
  }

  public void mount(Router router) {
    router.get("/api/groups/:id/alerts").handler(this::list);
    router.post("/api/groups/:id/alerts/:alertId/acknowledge").handler(this::acknowledge);
    router.post("/api/groups/:id/alerts/:alertId/resolve").handler(this::resolve);
    router.post("/api/groups/:id/help").handler(this::help);
    router.get("/api/crisis-resources").handler(ctx -> Responses.json(ctx, 200, alerts.crisisResources()));
  }

  private void list(RoutingContext ctx) {
    AuthUser user = AuthHandler.user(ctx);
    long groupId = Fields.pathId(ctx.pathParam("id"));
    String status = ctx.queryParams().get("status");
    if (status != null && !AlertStore.STATUSES.contains(status)) {
      throw Refusal.invalid("status: one of " + AlertStore.STATUSES);
    }
    Responses.reply(ctx, 200, access.auditedRead(user, groupId, "alerts.read", () -> alerts.list(groupId, status)));
  }

  private void acknowledge(RoutingContext ctx) {
    AuthUser user = AuthHandler.user(ctx);
    long groupId = Fields.pathId(ctx.pathParam("id"));
    long alertId = Fields.pathId(ctx.pathParam("alertId"));
    Responses.reply(ctx, 200, access.requireFacilitator(user, groupId)
        .compose(v -> alerts.acknowledge(user, groupId, alertId)));
  }

  private void resolve(RoutingContext ctx) {
    AuthUser user = AuthHandler.user(ctx);
    long groupId = Fields.pathId(ctx.pathParam("id"));
    long alertId = Fields.pathId(ctx.pathParam("alertId"));
    Responses.reply(ctx, 200, access.requireFacilitator(user, groupId).compose(v -> {
      JsonObject body = Bodies.object(ctx);
      String outcome = Fields.oneOf(body, "outcome", Set.copyOf(AlertStore.OUTCOMES));
      String note = Fields.optionalText(body, "note", MAX_NOTE);
      return alerts.resolve(user, groupId, alertId, outcome, note == null || note.isBlank() ? null : note);
    }));
  }

  private void help(RoutingContext ctx) {
    AuthUser user = AuthHandler.user(ctx);
    long groupId = Fields.pathId(ctx.pathParam("id"));
    Responses.reply(ctx, 201, access.requireParticipant(user, groupId).compose(standing -> {
      if (standing != GroupAccess.Standing.MEMBER) {
        return Future.failedFuture(Refusal.forbidden("help: for the group's members"));
      }
      return alerts.help(user, groupId);
    }));
  }
}
