package org.holdspace.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import org.holdspace.audit.AuditLog;
import org.holdspace.core.Role;
import org.holdspace.http.Query;
import org.holdspace.http.Responses;

/** {@code GET /api/audit?groupId=G&after=N&limit=M}: the audit log, for admins only. */
public final class AuditRoutes {
  private final Pool pool;
  private final AuditLog audit;

  public AuditRoutes(Pool pool, AuditLog audit) {
    this.pool = pool;
    this.audit = audit;
  }

  public void mount(Router router) {
    router.get("/api/audit").handler(this::list);
  }

  private void list(RoutingContext ctx) {
    AuthHandler.require(ctx, Role.ADMIN);
    Long groupId = Query.optional(ctx, "groupId");
    long after = Query.number(ctx, "after", 0, 0, Long.MAX_VALUE);
    int limit = (int) Query.number(ctx, "limit", 200, 1, 1000);
    Responses.reply(ctx, 200, audit.list(pool, groupId, after, limit)
        .map(list -> new JsonArray(list.stream().map(AuditLog.Entry::toJson).toList())));
  }
}
