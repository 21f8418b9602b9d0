package org.holdspace.notes;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.holdspace.audit.AuditLog;
import org.holdspace.core.AuthUser;
import org.holdspace.core.Refusal;
import org.holdspace.group.GroupAccess;
import org.holdspace.grouplog.Change;
import org.holdspace.grouplog.EventLog;
import org.holdspace.grouplog.NewEvent;

import java.util.Optional;

/**
 * Session summaries for the members: a facilitator publishes (or replaces) one with a {@code summary_published}
 * event {@code {number}} in the group's log, in the same transaction; the group's members and facilitators read it.
 * Facilitators' reads and writes are audited with the session number only.
 */
public final class SummaryService {
  private static final String UPSERT = "INSERT INTO session_summaries (group_id, number, text, written_by) "
      + "VALUES ($1, $2, $3, $4) ON CONFLICT (group_id, number) DO UPDATE SET text = EXCLUDED.text, "
      + "written_by = EXCLUDED.written_by, at = now() RETURNING at";
  private static final String FIND = "SELECT text, at FROM session_summaries WHERE group_id = $1 AND number = $2";

  private final Pool pool;
  private final GroupAccess access;
  private final EventLog log;
  private final AuditLog audit;

  public SummaryService(Pool pool, GroupAccess access, EventLog log, AuditLog audit) {
    this.pool = pool;
    this.access = access;
    this.log = log;
    this.audit = audit;
  }

  /** Publishes the summary of session {@code number} (1 to the course's last); answers it with the event's seq. */
  public Future<JsonObject> publish(AuthUser user, long groupId, int number, String text) {
    String[] at = new String[1];
    return access.requireFacilitator(user, groupId).compose(v -> log.change(groupId, (tx, snapshot) -> {
      if (number < 1 || number > snapshot.sessionCount()) {
        return Future.failedFuture(Refusal.notFound("no such session"));
      }
      return tx.preparedQuery(UPSERT).execute(Tuple.of(groupId, number, text, user.id()))
          .compose(rows -> {
            at[0] = rows.iterator().next().getOffsetDateTime("at").toInstant().toString();
            return audit.record(tx, user.id(), "summary.write", groupId, null, new JsonObject().put("number", number));
          })
          .map(x -> Change.of(snapshot, NewEvent.of("summary_published", user, new JsonObject().put("number", number))));
    })).map(events -> summary(number, text, at[0]).put("seq", events.get(0).getLong("seq")));
  }

  /** The published summary; 404 before one is. */
  public Future<JsonObject> get(AuthUser user, long groupId, int number) {
    return access.requireViewer(user, groupId).compose(standing -> find(pool, groupId, number)
        .map(found -> found.orElseThrow(() -> Refusal.notFound("no summary published for this session")))
        .compose(s -> !standing.reader() ? Future.succeededFuture(s)
            : audit.record(pool, user.id(), "summary.read", groupId, null, new JsonObject().put("number", number))
            .map(v -> s)));
  }

  private static Future<Optional<JsonObject>> find(SqlClient client, long groupId, int number) {
    return client.preparedQuery(FIND).execute(Tuple.of(groupId, number)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row r = rows.iterator().next();
      return Optional.of(summary(number, r.getString("text"), r.getOffsetDateTime("at").toInstant().toString()));
    });
  }

  private static JsonObject summary(int number, String text, String at) {
    return new JsonObject().put("number", number).put("text", text).put("at", at);
  }
}
