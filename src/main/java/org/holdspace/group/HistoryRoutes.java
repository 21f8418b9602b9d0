package org.holdspace.group;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.holdspace.auth.AuthHandler;
import org.holdspace.core.Refusal;
import org.holdspace.core.Fields;
import org.holdspace.grouplog.EventLog;
import org.holdspace.http.Responses;

/** {@code GET /api/groups/{id}/events?after=N&limit=M}: a page of the group's event log for its people. */
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
    long after = queryNumber(ctx, "after", 0, 0, Long.MAX_VALUE / 2);
    int limit = (int) queryNumber(ctx, "limit", 100, 1, MAX_LIMIT);
    Responses.reply(ctx, 200, access.requireParticipant(AuthHandler.user(ctx), groupId)
        .compose(s -> log.page(groupId, after, limit))
        .map(events -> new JsonObject().put("groupId", groupId).put("events", events)));
  }

  private static long queryNumber(RoutingContext ctx, String name, long fallback, long min, long max) {
    String raw = ctx.queryParams().get(name);
    if (raw == null) {
      return fallback;
    }
    if (!raw.matches("\\d{1,15}")) {
      throw Refusal.invalid(name + ": must be a whole number");
    }
    long value = Long.parseLong(raw);
    if (value < min || value > max) {
      throw Refusal.invalid(name + ": must be from " + min + " to " + max);
    }
    return value;
  }
}
