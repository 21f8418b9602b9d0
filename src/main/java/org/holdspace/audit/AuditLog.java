package org.holdspace.audit;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/**
 * Append-only record of facilitator actions and reads of clinical data: who, what, when, which group and member.
 * Details name what was done, never the clinical content itself.
 */
public final class AuditLog {
  private static final String INSERT =
      "INSERT INTO audit_log (actor_id, action, group_id, subject_id, detail) VALUES ($1, $2, $3, $4, $5)";

  private static final String BY_GROUP = "SELECT a.id, a.at, a.actor_id, u.username, a.action, a.group_id, "
      + "a.subject_id, a.detail FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id "
      + "WHERE ($1::bigint IS NULL OR a.group_id = $1) AND a.id > $2 ORDER BY a.id LIMIT $3";

  private final Pool pool;

  public AuditLog(Pool pool) {
    this.pool = pool;
  }

  public Future<Void> record(long actorId, String action, Long groupId, Long subjectId, JsonObject detail) {
    return record(pool, actorId, action, groupId, subjectId, detail);
  }

  /** Records within a caller's transaction, so the action and its record commit together. */
  public Future<Void> record(SqlClient client, long actorId, String action, Long groupId, Long subjectId,
                             JsonObject detail) {
    return client.preparedQuery(INSERT)
        .execute(Tuple.of(actorId, action, groupId, subjectId, detail == null ? new JsonObject() : detail))
        .mapEmpty();
  }

  /** Audit entries, oldest first, of one group (or all when groupId is null), after an id, at most limit. */
  public Future<io.vertx.core.json.JsonArray> list(Long groupId, long afterId, int limit) {
    return pool.preparedQuery(BY_GROUP).execute(Tuple.of(groupId, afterId, limit)).map(rows -> {
      io.vertx.core.json.JsonArray list = new io.vertx.core.json.JsonArray();
      for (io.vertx.sqlclient.Row r : rows) {
        Object detail = r.getValue("detail");
        list.add(new JsonObject()
            .put("id", r.getLong("id"))
            .put("at", r.getOffsetDateTime("at").toInstant().toString())
            .put("actor", new JsonObject().put("id", r.getLong("actor_id")).put("username", r.getString("username")))
            .put("action", r.getString("action"))
            .put("groupId", r.getLong("group_id"))
            .put("subjectId", r.getLong("subject_id"))
            .put("detail", detail instanceof JsonObject o ? o : new JsonObject()));
      }
      return list;
    });
  }
}
