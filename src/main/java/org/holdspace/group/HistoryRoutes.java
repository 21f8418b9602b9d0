package org.holdspace.group;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.holdspace.auth.AuthHandler;
import org.holdspace.core.AuthUser;
import org.holdspace.core.Fields;
import org.holdspace.grouplog.EventLog;
import org.holdspace.http.Query;
import org.holdspace.http.Responses;

/**
 * {@code GET /api/groups/{id}/events?after=N&limit=M}: a page of the group's event log for its people and its
 * supervisors (whose read is audited), each reading only the part of it that is theirs to read (see
 * {@link GroupAccess#window}).
 */
public final class HistoryRoutes {
  private static final int MAX_LIMIT = 1000;

  private final EventLog log;
  private final GroupAccess access;

  public HistoryRoutes(EventLog log, GroupAccess access) {
    this.log = log;
    this.access = access;
  }

  public void mount(Router router) {
    router.get("/api/groups/:id/events").handler(this::page);
  }

  private void page(RoutingContext ctx) {
    long groupId = Fields.pathId(ctx.pathParam("id"));
    long after = Query.number(ctx, "after", 0, 0, Long.MAX_VALUE / 2);
    int limit = (int) Query.number(ctx, "limit", 100, 1, MAX_LIMIT);
    AuthUser user = AuthHandler.user(ctx);
    Responses.reply(ctx, 200, access.requireViewer(user, groupId)
        .compose(s -> (s == GroupAccess.Standing.SUPERVISOR ? access.recordRead(user, groupId, "events.read")
            : Future.<Void>succeededFuture()).map(s))
        .compose(s -> access.window(log, user, groupId, s))
        .compose(window -> log.page(groupId, after, limit, window))
        .map(events -> new JsonObject().put("groupId", groupId).put("events", events)));
  }
}
