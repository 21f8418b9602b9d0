package org.holdspace.session;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.holdspace.audit.AuditLog;
import org.holdspace.auth.AuthHandler;
import org.holdspace.auth.AuthUser;
import org.holdspace.group.GroupAccess;
import org.holdspace.http.Fields;
import org.holdspace.http.Responses;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code GET /api/groups/{id}/attendance}: each session's attendance, for the group's facilitators (audited). */
public final class AttendanceRoutes {
  private static final String ENTRIES = "SELECT kind, (body->>'userId')::bigint AS user_id, at, "
      + "(body->>'number')::int AS number FROM group_events WHERE group_id = $1 "
      + "AND kind IN ('join', 'leave', 'session_started', 'session_ended') ORDER BY seq";
  private static final String MEMBERS = "SELECT user_id FROM group_members WHERE group_id = $1 AND role = 'member'";

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

  /** The attendance of every session of the group so far. */
  public Future<JsonArray> attendance(long groupId) {
    return Future.all(pool.preparedQuery(ENTRIES).execute(Tuple.of(groupId)),
        pool.preparedQuery(MEMBERS).execute(Tuple.of(groupId))).map(all -> {
          List<Attendance.Entry> entries = new ArrayList<>();
          for (Row r : all.<io.vertx.sqlclient.RowSet<Row>>resultAt(0)) {
            entries.add(new Attendance.Entry(r.getString("kind"), r.getLong("user_id"),
                r.getOffsetDateTime("at").toInstant(), r.getInteger("number")));
          }
          Set<Long> members = new HashSet<>();
          all.<io.vertx.sqlclient.RowSet<Row>>resultAt(1).forEach(r -> members.add(r.getLong(0)));
          return Attendance.compute(entries, members);
        });
  }

  private void get(RoutingContext ctx) {
    AuthUser user = AuthHandler.user(ctx);
    long groupId = Fields.pathId(ctx.pathParam("id"));
    Responses.reply(ctx, 200, access.requireFacilitator(user, groupId)
        .compose(v -> audit.record(user.id(), "attendance.read", groupId, null, null))
        .compose(v -> attendance(groupId))
        .map(sessions -> new JsonObject().put("groupId", groupId).put("sessions", sessions)));
  }
}
