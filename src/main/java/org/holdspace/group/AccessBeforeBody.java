package org.holdspace.group;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.holdspace.auth.AuthHandler;
import org.holdspace.core.AuthUser;
import org.holdspace.core.Fields;
import org.holdspace.core.Role;

import java.util.List;

/**
 * The access check of every group route that reads a body, made before the route's handler reads it: a caller
 * without rights gets 403 (404 for an unknown group) and never a 400 that would tell the body's shape. Mounted
 * ahead of the feature routes; each service still makes its own check (the same rule) when it runs.
 */
public final class AccessBeforeBody {
  private static final String GROUP = "/api/groups/:id";
  private static final String MEMBER = GROUP + "/members/:userId";

  /** Who may write through a route. */
  enum Rule { FACILITATOR, FACILITATOR_OR_ADMIN, ADMIN, SELF_OR_FACILITATOR }

  record Guard(HttpMethod method, String path, Rule rule) {
  }

  static final List<Guard> GUARDS = List.of(
      new Guard(HttpMethod.POST, GROUP + "/members", Rule.FACILITATOR_OR_ADMIN),
      new Guard(HttpMethod.DELETE, MEMBER, Rule.FACILITATOR),
      new Guard(HttpMethod.POST, GROUP + "/facilitators", Rule.FACILITATOR_OR_ADMIN),
      new Guard(HttpMethod.DELETE, GROUP + "/facilitators/:userId", Rule.FACILITATOR_OR_ADMIN),
      new Guard(HttpMethod.POST, GROUP + "/supervisors", Rule.ADMIN),
      new Guard(HttpMethod.DELETE, GROUP + "/supervisors/:userId", Rule.ADMIN),
      new Guard(HttpMethod.PUT, GROUP + "/retention", Rule.FACILITATOR),
      new Guard(HttpMethod.PUT, GROUP + "/clinical", Rule.FACILITATOR),
      new Guard(HttpMethod.POST, GROUP + "/phase", Rule.FACILITATOR),
      new Guard(HttpMethod.POST, GROUP + "/alerts/:alertId/resolve", Rule.FACILITATOR),
      new Guard(HttpMethod.PUT, GROUP + "/sessions/:number/notes/:userId", Rule.FACILITATOR),
      new Guard(HttpMethod.POST, GROUP + "/sessions/:number/notes/:userId/addenda", Rule.FACILITATOR),
      new Guard(HttpMethod.PUT, GROUP + "/sessions/:number/summary", Rule.FACILITATOR),
      new Guard(HttpMethod.PATCH, GROUP + "/sessions/:number", Rule.FACILITATOR),
      new Guard(HttpMethod.PUT, MEMBER + "/focus", Rule.FACILITATOR),
      new Guard(HttpMethod.PUT, MEMBER + "/meetings/:kind", Rule.FACILITATOR),
      new Guard(HttpMethod.PUT, MEMBER + "/inventory", Rule.SELF_OR_FACILITATOR),
      new Guard(HttpMethod.POST, MEMBER + "/report-cards", Rule.SELF_OR_FACILITATOR),
      new Guard(HttpMethod.POST, MEMBER + "/goals/ratings", Rule.SELF_OR_FACILITATOR),
      new Guard(HttpMethod.POST, MEMBER + "/measures", Rule.SELF_OR_FACILITATOR),
      new Guard(HttpMethod.POST, MEMBER + "/homework", Rule.SELF_OR_FACILITATOR),
      new Guard(HttpMethod.POST, MEMBER + "/homework/:homeworkId/done", Rule.SELF_OR_FACILITATOR),
      new Guard(HttpMethod.PUT, MEMBER + "/relapse-plan", Rule.SELF_OR_FACILITATOR),
      new Guard(HttpMethod.PUT, MEMBER + "/safety-plan", Rule.SELF_OR_FACILITATOR));

  private final GroupAccess access;

  public AccessBeforeBody(GroupAccess access) {
    this.access = access;
  }

  public void mount(Router router) {
    GUARDS.forEach(g -> router.route(g.method(), g.path()).handler(ctx -> check(ctx, g.rule())
        .onSuccess(v -> ctx.next()).onFailure(ctx::fail)));
  }

  private Future<?> check(RoutingContext ctx, Rule rule) {
    AuthUser user = AuthHandler.user(ctx);
    long groupId = Fields.pathId(ctx.pathParam("id"));
    return switch (rule) {
      case FACILITATOR -> access.requireFacilitator(user, groupId);
      case FACILITATOR_OR_ADMIN -> user.role() == Role.ADMIN ? Future.succeededFuture()
          : access.requireFacilitator(user, groupId);
      case ADMIN -> user.role() == Role.ADMIN ? Future.succeededFuture() : access.refuseNonAdmin(user, groupId);
      case SELF_OR_FACILITATOR ->
          access.requireSelfOrFacilitator(user, groupId, Fields.pathId(ctx.pathParam("userId")));
    };
  }
}
