package org.holdspace.clinical;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;

/** Stored homework ({@code homework}). */
public final class HomeworkStore {
  private static final String COLUMNS = "id, user_id, text, set_by, set_at_session, due_session, created_at, done_at, "
      + "note";
  private static final String INSERT = "INSERT INTO homework (group_id, user_id, text, set_by, set_at_session, "
      + "due_session) VALUES ($1, $2, $3, $4, $5, $6) RETURNING " + COLUMNS;
  private static final String DONE = "UPDATE homework SET done_at = coalesce(done_at, now()), done_by = $4, note = $5 "
      + "WHERE id = $1 AND group_id = $2 AND user_id = $3 RETURNING " + COLUMNS;
  private static final String OF_MEMBER = "SELECT " + COLUMNS + " FROM homework WHERE group_id = $1 AND user_id = $2 "
      + "ORDER BY due_session, id";
  private static final String OF_GROUP = "SELECT " + COLUMNS + " FROM homework WHERE group_id = $1 "
      + "ORDER BY user_id, due_session, id";

  /** One piece of homework as stored. */
  public record Homework(long id, long userId, String text, long setBy, int setAtSession, int dueSession,
                        String createdAt, String doneAt, String note) {
    public boolean done() {
      return doneAt != null;
    }

    public JsonObject toJson(Course course) {
      return new JsonObject().put("id", id).put("text", text).put("setBy", setBy).put("setAtSession", setAtSession)
          .put("dueSession", dueSession).put("createdAt", createdAt).put("done", done()).put("doneAt", doneAt)
          .put("note", note).put("status", course.homeworkStatus(dueSession, done()));
    }
  }

  public Future<Homework> insert(SqlClient tx, long groupId, long userId, String text, long setBy, int setAt,
                                 int due) {
    return tx.preparedQuery(INSERT).execute(Tuple.of(groupId, userId, text, setBy, setAt, due))
        .map(rows -> toHomework(rows.iterator().next()));
  }

  /** Marks it done (keeping the first time it was), with the note; empty when there is no such homework. */
  public Future<Homework> done(SqlClient tx, long groupId, long userId, long id, long by, String note) {
    return tx.preparedQuery(DONE).execute(Tuple.of(id, groupId, userId, by, note))
        .map(rows -> rows.size() == 0 ? null : toHomework(rows.iterator().next()));
  }

  public Future<List<Homework>> ofMember(SqlClient client, long groupId, long userId) {
    return client.preparedQuery(OF_MEMBER).execute(Tuple.of(groupId, userId)).map(HomeworkStore::toList);
  }

  public Future<List<Homework>> ofGroup(SqlClient client, long groupId) {
    return client.preparedQuery(OF_GROUP).execute(Tuple.of(groupId)).map(HomeworkStore::toList);
  }

  private static List<Homework> toList(io.vertx.sqlclient.RowSet<Row> rows) {
    List<Homework> list = new ArrayList<>(rows.size());
    rows.forEach(r -> list.add(toHomework(r)));
    return list;
  }

  private static Homework toHomework(Row r) {
    return new Homework(r.getLong("id"), r.getLong("user_id"), r.getString("text"), r.getLong("set_by"),
        r.getInteger("set_at_session"), r.getInteger("due_session"),
        r.getOffsetDateTime("created_at").toInstant().toString(),
        r.getOffsetDateTime("done_at") == null ? null : r.getOffsetDateTime("done_at").toInstant().toString(),
        r.getString("note"));
  }
}
