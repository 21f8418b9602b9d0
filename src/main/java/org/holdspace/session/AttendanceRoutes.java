package org.holdspace.session;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.holdspace.auth.AuthHandler;
import org.holdspace.core.AuthUser;
import org.holdspace.group.GroupAccess;
import org.holdspace.core.Fields;
import org.holdspace.http.Responses;

/** {@code GET /api/groups/{id}/attendance}: each session's attendance, for the group's facilitators and supervisors (audited). */
public final class AttendanceRoutes {
  private final AttendanceService attendance;
  private final GroupAccess access;

  public AttendanceRoutes(AttendanceService attendance, GroupAccess access) {
    this.attendance = attendance;
    this.access = access;
  }

  public void mount(Router router) {
    router.get("/api/groups/:id/attendance").handler(this::get);
  }

  private void get(RoutingContext ctx) {
    AuthUser user = AuthHandler.user(ctx);
    long groupId = Fields.pathId(ctx.pathParam("id"));
    Responses.reply(ctx, 200, access.auditedRead(user, groupId, "attendance.read",
            () -> attendance.sessions(groupId))
        .map(sessions -> new JsonObject().put("groupId", groupId).put("sessions", sessions)));
  }
}
