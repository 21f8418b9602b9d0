package org.holdspace.audit;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.holdspace.auth.AuthHandler;
import org.holdspace.core.Role;
import org.holdspace.core.Refusal;
import org.holdspace.http.Responses;

/** {@code GET /api/audit?groupId=G&after=N&limit=M}: the audit log, for admins only. */
public final class AuditRoutes {
  private final AuditLog audit;

  public AuditRoutes(AuditLog audit) {
    this.audit = audit;
  }

  public void mount(Router router) {
    router.get("/api/audit").handler(this::list);
  }

  private void list(RoutingContext ctx) {
    AuthHandler.require(ctx, Role.ADMIN);
    Long groupId = number(ctx, "groupId", null);
    long after = number(ctx, "after", 0L);
    long limit = number(ctx, "limit", 200L);
    if (limit < 1 || limit > 1000) {
      throw Refusal.invalid("limit: must be from 1 to 1000");
    }
    Responses.reply(ctx, 200, audit.list(groupId, after, (int) limit));
  }

  private static Long number(RoutingContext ctx, String name, Long fallback) {
    String raw = ctx.queryParams().get(name);
    if (raw == null) {
      return fallback;
    }
    if (!raw.matches("\\d{1,15}")) {
      throw Refusal.invalid(name + ": must be a whole number");
    }
    return Long.parseLong(raw);
  }
}
