package org.holdspace.audit;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;

/**
 * Append-only record of facilitator actions and reads of clinical data: who, what, when, which group and member.
 * Details name what was done, never the clinical content itself. Each call runs on the client it is given, so an
 * action and its record commit together when the caller passes its transaction.
 */
public final class AuditLog {
  private static final String INSERT =
      "INSERT INTO audit_log (actor_id, action, group_id, subject_id, detail) VALUES ($1, $2, $3, $4, $5)";

  private static final String BY_GROUP = "SELECT a.id, a.at, a.actor_id, u.username, a.action, a.group_id, "
      + "a.subject_id, a.detail FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id "
      + "WHERE ($1::bigint IS NULL OR a.group_id = $1) AND a.id > $2 ORDER BY a.id LIMIT $3";

  /** One stored entry; {@code username} is null once the actor's account is gone. */
  public record Entry(long id, String at, Long actorId, String username, String action, Long groupId,
                      Long subjectId, JsonObject detail) {
    public JsonObject toJson() {
      return new JsonObject()
          .put("id", id)
          .put("at", at)
          .put("actor", new JsonObject().put("id", actorId).put("username", username))
          .put("action", action)
          .put("groupId", groupId)
          .put("subjectId", subjectId)
          .put("detail", detail);
    }
  }

  public Future<Void> record(SqlClient client, long actorId, String action, Long groupId, Long subjectId,
                             JsonObject detail) {
    return client.preparedQuery(INSERT)
        .execute(Tuple.of(actorId, action, groupId, subjectId, detail == null ? new JsonObject() : detail))
        .mapEmpty();
  }

  /** Audit entries, oldest first, of one group (or all when groupId is null), after an id, at most limit. */
  public Future<List<Entry>> list(SqlClient client, Long groupId, long afterId, int limit) {
    return client.preparedQuery(BY_GROUP).execute(Tuple.of(groupId, afterId, limit)).map(rows -> {
      List<Entry> list = new ArrayList<>(rows.size());
      for (Row r : rows) {
        Object detail = r.getValue("detail");
        list.add(new Entry(r.getLong("id"), r.getOffsetDateTime("at").toInstant().toString(), r.getLong("actor_id"),
            r.getString("username"), r.getString("action"), r.getLong("group_id"), r.getLong("subject_id"),
            detail instanceof JsonObject o ? o : new JsonObject()));
      }
      return list;
    });
  }
}
