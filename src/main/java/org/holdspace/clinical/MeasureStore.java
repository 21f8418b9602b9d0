package org.holdspace.clinical;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;

/** Stored questionnaires of a group's members ({@code measures}). */
public final class MeasureStore {
  private static final String INSERT = "INSERT INTO measures (group_id, user_id, instrument, answers, total, severity, "
      + "session, entered_by, extras) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id, at";
  private static final String OF_MEMBER = "SELECT id, user_id, instrument, answers, total, severity, session, at, extras "
      + "FROM measures WHERE group_id = $1 AND user_id = $2 ORDER BY at, id";
  private static final String OF_GROUP = "SELECT id, user_id, instrument, answers, total, severity, session, at, extras "
      + "FROM measures WHERE group_id = $1 ORDER BY at, id";

  /** One stored questionnaire. */
  public record Measure(long id, long userId, String instrument, List<Integer> answers, int total, String severity,
                        int session, String at, JsonObject extras) {
    /** The contract's shape, with the session, the answers and the follow-up answers by their ids. */
    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("id", id).put("instrument", instrument).put("total", total)
          .put("severity", severity).put("at", at).put("session", session).put("answers", new JsonArray(answers));
      extras.forEach(e -> json.put(e.getKey(), e.getValue()));
      return json;
    }
  }

  public Future<Measure> insert(SqlClient client, long groupId, long userId, MeasureRequest m, int session,
                                       long enteredBy) {
    Tuple params = Tuple.tuple().addLong(groupId).addLong(userId).addString(m.instrument().wire())
        .addArrayOfInteger(m.answers().toArray(new Integer[0])).addInteger(m.score().total())
        .addString(m.score().severity()).addInteger(session).addLong(enteredBy)
        .addValue(new JsonObject(new java.util.HashMap<>(m.result().extras())));
    return client.preparedQuery(INSERT).execute(params).map(rows -> {
      Row r = rows.iterator().next();
      return new Measure(r.getLong("id"), userId, m.instrument().wire(), m.answers(), m.score().total(),
          m.score().severity(), session, r.getOffsetDateTime("at").toInstant().toString(),
          new JsonObject(new java.util.HashMap<>(m.result().extras())));
    });
  }

  /** A member's questionnaires, oldest first. */
  public Future<List<Measure>> ofMember(SqlClient client, long groupId, long userId) {
    return client.preparedQuery(OF_MEMBER).execute(Tuple.of(groupId, userId)).map(MeasureStore::toList);
  }

  /** Every member's questionnaires in the group, oldest first. */
  public Future<List<Measure>> ofGroup(SqlClient client, long groupId) {
    return client.preparedQuery(OF_GROUP).execute(Tuple.of(groupId)).map(MeasureStore::toList);
  }

  private static List<Measure> toList(io.vertx.sqlclient.RowSet<Row> rows) {
    List<Measure> list = new ArrayList<>(rows.size());
    for (Row r : rows) {
      list.add(new Measure(r.getLong("id"), r.getLong("user_id"), r.getString("instrument"),
          List.of(r.getArrayOfIntegers("answers")), r.getInteger("total"), r.getString("severity"),
          r.getInteger("session"), r.getOffsetDateTime("at").toInstant().toString(), (JsonObject) r.getValue("extras")));
    }
    return list;
  }
}
