package org.holdspace.session;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import org.holdspace.audit.AuditLog;
import org.holdspace.auth.AuthHandler;
import org.holdspace.core.AuthUser;
import org.holdspace.group.GroupAccess;
import org.holdspace.core.Fields;
import org.holdspace.http.Responses;


/** {@code GET /api/groups/{id}/attendance}: each session's attendance, for the group's facilitators (audited). */
public final class AttendanceRoutes {
  private final Pool pool;
  private final GroupAccess access;
  private final AuditLog audit;

  public AttendanceRoutes(Pool pool, GroupAccess access, AuditLog audit) {
    this.pool = pool;
    this.access = access;
    this.audit = audit;
  }

  public void mount(Router router) {
    router.get("/api/groups/:id/attendance").handler(this::get);
  }

  private void get(RoutingContext ctx) {
    AuthUser user = AuthHandler.user(ctx);
    long groupId = Fields.pathId(ctx.pathParam("id"));
    Responses.reply(ctx, 200, access.requireFacilitator(user, groupId)
        .compose(v -> audit.record(user.id(), "attendance.read", groupId, null, null))
        .compose(v -> AttendanceStore.sessions(pool, groupId))
        .map(sessions -> new JsonObject().put("groupId", groupId).put("sessions", sessions)));
  }
}
