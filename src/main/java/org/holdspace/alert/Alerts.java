package org.holdspace.alert;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.holdspace.core.Addresses;

/**
 * Risk alerts for a group's facilitators: stored, then pushed at once as {@code {"type":"alert"}} to every
 * facilitator socket joined to the group on any node. Members never see them.
 */
public final class Alerts {
  private static final String INSERT =
      "INSERT INTO alerts (group_id, user_id, kind, ref) VALUES ($1, $2, $3, $4) RETURNING id, at";
  private static final String LIST = "SELECT id, user_id, kind, ref, at, resolved_at FROM alerts "
      + "WHERE group_id = $1 ORDER BY id";

  private final Vertx vertx;
  private final Pool pool;

  public Alerts(Vertx vertx, Pool pool) {
    this.vertx = vertx;
    this.pool = pool;
  }

  /** Stores an alert about {@code userId} and pushes it to the group's facilitator sockets. */
  public Future<JsonObject> raise(long groupId, long userId, String kind, JsonObject ref) {
    return raise(pool, groupId, userId, kind, ref).onSuccess(alert -> push(groupId, alert));
  }

  /**
   * Stores an alert within the caller's transaction; the caller pushes it with {@link #push} after commit.
   */
  public Future<JsonObject> raise(SqlClient client, long groupId, long userId, String kind, JsonObject ref) {
    return client.preparedQuery(INSERT).execute(Tuple.of(groupId, userId, kind, ref)).map(rows -> {
      Row r = rows.iterator().next();
      JsonObject alert = new JsonObject()
          .put("id", r.getLong("id"))
          .put("kind", kind)
          .put("userId", userId)
          .put("at", r.getOffsetDateTime("at").toInstant().toString());
      if (ref != null) {
        alert.put("ref", ref);
      }
      return alert;
    });
  }

  /** Sends a stored alert to the facilitator sockets of the group. */
  public void push(long groupId, JsonObject alert) {
    vertx.eventBus().publish(Addresses.group(groupId),
        new JsonObject().put("type", "alert").put("groupId", groupId).put("alert", alert));
  }

  /** Every alert of the group, oldest first. */
  public Future<JsonArray> list(long groupId) {
    return pool.preparedQuery(LIST).execute(Tuple.of(groupId)).map(rows -> {
      JsonArray list = new JsonArray();
      for (Row r : rows) {
        JsonObject alert = new JsonObject()
            .put("id", r.getLong("id"))
            .put("kind", r.getString("kind"))
            .put("userId", r.getLong("user_id"))
            .put("at", r.getOffsetDateTime("at").toInstant().toString())
            .put("resolved", r.getOffsetDateTime("resolved_at") != null);
        Object ref = r.getValue("ref");
        if (ref instanceof JsonObject o) {
          alert.put("ref", o);
        }
        list.add(alert);
      }
      return list;
    });
  }
}
