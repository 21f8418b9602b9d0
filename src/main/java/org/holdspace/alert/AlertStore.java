package org.holdspace.alert;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;

/** Stored risk alerts ({@code alerts}); each call runs on the client it is given. */
public final class AlertStore {
  private static final String INSERT =
      "INSERT INTO alerts (group_id, user_id, kind, ref) VALUES ($1, $2, $3, $4) RETURNING id, at";
  private static final String COLUMNS = "SELECT id, user_id, kind, ref, at, resolved_at FROM alerts WHERE group_id = $1 ";
  private static final String LIST = COLUMNS + "ORDER BY id";
  private static final String OPEN = COLUMNS + "AND resolved_at IS NULL ORDER BY id";

  /** One alert about a member; {@code ref} points at what raised it (may be null). */
  public record Alert(long id, long userId, String kind, JsonObject ref, String at, boolean resolved) {
    /** As {@code GET .../alerts} lists it. */
    public JsonObject toJson() {
      JsonObject alert = new JsonObject().put("id", id).put("kind", kind).put("userId", userId).put("at", at)
          .put("resolved", resolved);
      if (ref != null) {
        alert.put("ref", ref);
      }
      return alert;
    }

    /** As it is pushed to the facilitators' sockets when raised. */
    public JsonObject raisedJson() {
      JsonObject alert = new JsonObject().put("id", id).put("kind", kind).put("userId", userId).put("at", at);
      if (ref != null) {
        alert.put("ref", ref);
      }
      return alert;
    }
  }

  public Future<Alert> insert(SqlClient client, long groupId, long userId, String kind, JsonObject ref) {
    return client.preparedQuery(INSERT).execute(Tuple.of(groupId, userId, kind, ref)).map(rows -> {
      Row r = rows.iterator().next();
      return new Alert(r.getLong("id"), userId, kind, ref, r.getOffsetDateTime("at").toInstant().toString(), false);
    });
  }

  /** Every alert of the group, oldest first. */
  public Future<List<Alert>> list(SqlClient client, long groupId) {
    return client.preparedQuery(LIST).execute(Tuple.of(groupId)).map(AlertStore::alerts);
  }

  /** The group's alerts not resolved yet, oldest first. */
  public Future<List<Alert>> open(SqlClient client, long groupId) {
    return client.preparedQuery(OPEN).execute(Tuple.of(groupId)).map(AlertStore::alerts);
  }

  private static List<Alert> alerts(RowSet<Row> rows) {
    List<Alert> list = new ArrayList<>(rows.size());
    for (Row r : rows) {
      Object ref = r.getValue("ref");
      list.add(new Alert(r.getLong("id"), r.getLong("user_id"), r.getString("kind"),
          ref instanceof JsonObject o ? o : null, r.getOffsetDateTime("at").toInstant().toString(),
          r.getOffsetDateTime("resolved_at") != null));
    }
    return list;
  }
}
