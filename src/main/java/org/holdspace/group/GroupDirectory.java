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
import org.holdspace.core.Refusal;
import org.holdspace.core.Role;
import org.holdspace.http.Query;
import org.holdspace.http.Responses;

import java.util.Locale;

/**
 * Finding people and groups for the web client: {@code GET /api/users/candidates?query=} (the member accounts a
 * facilitator may enrol: in no group yet or in one of the facilitator's own groups; admins see every member) and
 * {@code GET /api/admin/groups} (every group with its facilitators and where its course stands, for admins).
 */
public final class GroupDirectory {
  private static final int CANDIDATES = 20;
  private static final String MATCH = "u.role = 'member' AND u.active "
      + "AND ($1::text IS NULL OR lower(u.username) LIKE $1 OR lower(u.display_name) LIKE $1) ";
  private static final String CANDIDATES_FOR_ADMIN = "SELECT u.id, u.username, u.display_name FROM users u WHERE "
      + MATCH + "ORDER BY lower(u.display_name), u.id LIMIT $2";
  private static final String CANDIDATES_FOR_FACILITATOR = "SELECT u.id, u.username, u.display_name FROM users u "
      + "WHERE " + MATCH + "AND (NOT EXISTS (SELECT 1 FROM group_members m WHERE m.user_id = u.id) "
      + "OR EXISTS (SELECT 1 FROM group_members m JOIN group_members f ON f.group_id = m.group_id "
      + "AND f.user_id = $3 AND f.role = 'facilitator' WHERE m.user_id = u.id AND m.role = 'member')) "
      + "ORDER BY lower(u.display_name), u.id LIMIT $2";
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
    router.get("/api/users/candidates").handler(this::candidates);
    router.get("/api/admin/groups").handler(this::groups);
  }

  private void candidates(RoutingContext ctx) {
    AuthUser caller = AuthHandler.user(ctx);
    if (caller.role() != Role.FACILITATOR && caller.role() != Role.ADMIN) {
      throw Refusal.forbidden();
    }
    String query = ctx.request().getParam("query");
    if (query != null && query.length() > 100) {
      throw Refusal.invalid("query: at most 100 characters");
    }
    String like = query == null || query.isBlank() ? null : "%" + query.strip().toLowerCase(Locale.ROOT)
        .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    Future<JsonArray> found = (caller.role() == Role.ADMIN
        ? pool.preparedQuery(CANDIDATES_FOR_ADMIN).execute(Tuple.of(like, CANDIDATES))
        : pool.preparedQuery(CANDIDATES_FOR_FACILITATOR).execute(Tuple.of(like, CANDIDATES, caller.id())))
        .map(rows -> {
          JsonArray list = new JsonArray();
          for (Row r : rows) {
            list.add(new JsonObject().put("id", r.getLong("id")).put("username", r.getString("username"))
                .put("displayName", r.getString("display_name")));
          }
          return list;
        });
    Responses.reply(ctx, 200, found);
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
