package org.holdspace.session;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.holdspace.auth.AuthHandler;
import org.holdspace.core.AuthUser;
import org.holdspace.core.Refusal;
import org.holdspace.group.GroupAccess;
import org.holdspace.core.Fields;
import org.holdspace.http.Responses;

/** {@code POST /api/groups/{id}/sessions/current/start} and {@code .../end}. */
public final class SessionRoutes {
  private final SessionService sessions;
  private final GroupAccess access;

  public SessionRoutes(SessionService sessions, GroupAccess access) {
    this.sessions = sessions;
    this.access = access;
  }

  public void mount(Router router) {
    router.post("/api/groups/:id/sessions/current/start").handler(ctx -> act(ctx, true));
    router.post("/api/groups/:id/sessions/current/end").handler(ctx -> act(ctx, false));
  }

  private void act(RoutingContext ctx, boolean start) {
    AuthUser user = AuthHandler.user(ctx);
    long groupId = Fields.pathId(ctx.pathParam("id"));
    Future<SessionService.Outcome> outcome = access.requireFacilitator(user, groupId)
        .compose(v -> start ? sessions.start(user, groupId) : sessions.end(user, groupId));
    Responses.reply(ctx, 200, outcome.map(SessionService.Outcome::toJson));
  }
}
