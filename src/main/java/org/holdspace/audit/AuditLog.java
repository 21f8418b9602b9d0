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
}
