package org.holdspace.group;

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
import org.holdspace.core.AuthUser;
import org.holdspace.core.Role;
import org.holdspace.http.Query;
import org.holdspace.http.Responses;

/**
 * {@code GET /api/admin/groups}: every group with its facilitators and where its course stands, for admins (the
 * accounts a facilitator may enrol are found through {@link Candidates}).
 */
public final class GroupDirectory {
  private static final String GROUPS = "SELECT g.id, g.name, g.protocol, g.session_count, g.current_session, "
      + "g.session_status, count(*) OVER () AS total, "
      + "(SELECT count(*) FROM group_members m WHERE m.group_id = g.id AND m.role = 'member') AS members, "
      + "(SELECT coalesce(json_agg(json_build_object('id', u.id, 'displayName', u.display_name) ORDER BY u.id), '[]') "
      + "FROM group_members f JOIN users u ON u.id = f.user_id WHERE f.group_id = g.id AND f.role = 'facilitator')::text "
      + "AS facilitators FROM groups g ORDER BY g.id DESC LIMIT $1 OFFSET $2";
  private static final String COUNT_GROUPS = "SELECT count(*) FROM groups";

  private final Pool pool;
  private final AuditLog audit;

  public GroupDirectory(Pool pool, AuditLog audit) {
    this.pool = pool;
    this.audit = audit;
  }

  public void mount(Router router) {
    router.get("/api/admin/groups").handler(this::groups);
  }

  private void groups(RoutingContext ctx) {
    AuthUser admin = AuthHandler.require(ctx, Role.ADMIN);
    int limit = (int) Query.number(ctx, "limit", 50, 1, 500);
    int offset = (int) Query.number(ctx, "offset", 0, 0, 1_000_000);
    Future<JsonObject> page = pool.preparedQuery(GROUPS).execute(Tuple.of(limit, offset)).compose(rows -> {
      JsonArray groups = new JsonArray();
      long total = -1;
      for (Row r : rows) {
        total = r.getLong("total");
        groups.add(new JsonObject().put("id", r.getLong("id")).put("name", r.getString("name"))
            .put("protocol", r.getString("protocol")).put("sessionCount", r.getInteger("session_count"))
            .put("currentSession", r.getInteger("current_session"))
            .put("sessionStatus", r.getString("session_status")).put("members", r.getLong("members"))
            .put("facilitators", new JsonArray(r.getString("facilitators"))));
      }
      Future<Long> counted = total >= 0 ? Future.succeededFuture(total)
          : pool.query(COUNT_GROUPS).execute().map(c -> c.iterator().next().getLong(0));
      return counted.map(n -> new JsonObject().put("groups", groups).put("total", n));
    }).compose(answer -> audit.record(pool, admin.id(), "groups.list", null, null, null).map(answer));
    Responses.reply(ctx, 200, page);
  }
}
