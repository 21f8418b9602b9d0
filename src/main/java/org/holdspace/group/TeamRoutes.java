package org.holdspace.group;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.holdspace.auth.AuthHandler;
import org.holdspace.core.Fields;
import org.holdspace.http.Bodies;
import org.holdspace.http.Query;
import org.holdspace.http.Responses;

/**
 * A group's team over HTTP: co-facilitators (added and removed by its facilitators and admins, with a look-up of
 * facilitator accounts), supervisors (added and removed by admins) and the group's audit trail for its supervisors.
 */
public final class TeamRoutes {
  private static final String GROUP = "/api/groups/:id";
  private static final int MAX_QUERY = 100;

  private final TeamService team;

  public TeamRoutes(TeamService team) {
    this.team = team;
  }

  public void mount(Router router) {
    router.post(GROUP + "/facilitators").handler(ctx -> Responses.reply(ctx, 201,
        team.addFacilitator(AuthHandler.user(ctx), group(ctx), Fields.id(Bodies.object(ctx), "userId"))));
    router.delete(GROUP + "/facilitators/:userId").handler(ctx -> Responses.noContent(ctx,
        team.removeFacilitator(AuthHandler.user(ctx), group(ctx), Fields.pathId(ctx.pathParam("userId")))));
    router.get(GROUP + "/facilitator-candidates").handler(this::candidates);
    router.get(GROUP + "/supervisors").handler(ctx -> Responses.reply(ctx, 200,
        team.supervisors(AuthHandler.user(ctx), group(ctx))));
    router.post(GROUP + "/supervisors").handler(ctx -> Responses.reply(ctx, 201,
        team.addSupervisor(AuthHandler.user(ctx), group(ctx), Fields.id(Bodies.object(ctx), "userId"))));
    router.delete(GROUP + "/supervisors/:userId").handler(ctx -> Responses.noContent(ctx,
        team.removeSupervisor(AuthHandler.user(ctx), group(ctx), Fields.pathId(ctx.pathParam("userId")))));
    router.get(GROUP + "/audit").handler(this::audit);
  }

  private void candidates(RoutingContext ctx) {
    long groupId = group(ctx);
    String query = ctx.queryParams().get("query");
    if (query != null && query.length() > MAX_QUERY) {
      throw org.holdspace.core.Refusal.invalid("query: at most " + MAX_QUERY + " characters");
    }
    Responses.reply(ctx, 200, team.candidates(AuthHandler.user(ctx), groupId, query == null ? "" : query.strip()));
  }

  private void audit(RoutingContext ctx) {
    long groupId = group(ctx);
    long after = Query.number(ctx, "after", 0, 0, Long.MAX_VALUE);
    int limit = (int) Query.number(ctx, "limit", 200, 1, 1000);
    Responses.reply(ctx, 200, team.auditTrail(AuthHandler.user(ctx), groupId, after, limit));
  }

  private static long group(RoutingContext ctx) {
    return Fields.pathId(ctx.pathParam("id"));
  }
}
