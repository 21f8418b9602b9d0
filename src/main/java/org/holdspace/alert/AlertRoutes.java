package org.holdspace.alert;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.holdspace.auth.AuthHandler;
import org.holdspace.core.AuthUser;
import org.holdspace.group.GroupAccess;
import org.holdspace.core.Fields;
import org.holdspace.http.Responses;

/** {@code GET /api/groups/{id}/alerts}: the group's risk alerts, for its facilitators; each read is audited. */
public final class AlertRoutes {
  private final Alerts alerts;
  private final GroupAccess access;

  public AlertRoutes(Alerts alerts, GroupAccess access) {
    this.alerts = alerts;
    this.access = access;
  }

  public void mount(Router router) {
    router.get("/api/groups/:id/alerts").handler(this::list);
  }

  private void list(RoutingContext ctx) {
    AuthUser user = AuthHandler.user(ctx);
    long groupId = Fields.pathId(ctx.pathParam("id"));
    Responses.reply(ctx, 200, access.facilitatorRead(user, groupId, "alerts.read", () -> alerts.list(groupId)));
  }
}
