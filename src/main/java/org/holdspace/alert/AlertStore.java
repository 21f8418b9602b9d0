package org.holdspace.alert;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Stored risk alerts ({@code alerts}) and their follow-up; each call runs on the client it is given. */
public final class AlertStore {
  static final String COLUMNS = "id, group_id, user_id, kind, ref, at, status, acknowledged_by, acknowledged_at, "
      + "resolved_by, resolved_at, outcome, note, escalated_at";
  // ON CONFLICT: the one unique index is a report's (group, seq, reporter), so a repeated report inserts nothing.
  private static final String INSERT = "INSERT INTO alerts (group_id, user_id, kind, ref) VALUES ($1, $2, $3, $4) "
      + "ON CONFLICT DO NOTHING RETURNING " + COLUMNS;
  private static final String LIST = "SELECT " + COLUMNS + " FROM alerts WHERE group_id = $1 "
      + "AND ($2::text IS NULL OR status = $2) ORDER BY id";
  private static final String FIND = "SELECT " + COLUMNS + " FROM alerts WHERE id = $1 AND group_id = $2";
  private static final String ACKNOWLEDGE = "UPDATE alerts SET status = 'acknowledged', acknowledged_at = now(), "
      + "acknowledged_by = $3 WHERE id = $1 AND group_id = $2 AND status = 'open' RETURNING " + COLUMNS;
  // Resolving is also acknowledging when nobody did; a resolved alert needs no e-mail any more.
  private static final String RESOLVE = "UPDATE alerts SET status = 'resolved', resolved_at = now(), "
      + "resolved_by = $3, outcome = $4, note = $5, acknowledged_at = coalesce(acknowledged_at, now()), "
      + "acknowledged_by = coalesce(acknowledged_by, $3), mail_due_at = NULL "
      + "WHERE id = $1 AND group_id = $2 AND status <> 'resolved' RETURNING " + COLUMNS;
  private static final String OPEN_COUNT = "SELECT count(*) FROM alerts WHERE status = 'open'";

  /** Outcomes a resolution may record. */
  public static final List<String> OUTCOMES = List.of("no_risk", "safety_plan", "referred", "emergency", "other");
  /** The states of an alert, in the order it passes them. */
  public static final List<String> STATUSES = List.of("open", "acknowledged", "resolved");

  /** One alert about a member; {@code ref} points at what raised it (may be null). */
  public record Alert(long id, long groupId, long userId, String kind, JsonObject ref, OffsetDateTime at,
                      String status, Long acknowledgedBy, OffsetDateTime acknowledgedAt, Long resolvedBy,
                      OffsetDateTime resolvedAt, String outcome, String note, OffsetDateTime escalatedAt) {
    /** The whole alert, as listed and pushed to the facilitators (the note is theirs only, like every alert). */
    public JsonObject toJson() {
      JsonObject alert = new JsonObject().put("id", id).put("groupId", groupId).put("kind", kind)
          .put("userId", userId).put("at", text(at)).put("status", status).put("resolved", "resolved".equals(status));
      putIf(alert, "ref", ref);
      putIf(alert, "acknowledgedBy", acknowledgedBy);
      putIf(alert, "acknowledgedAt", text(acknowledgedAt));
      putIf(alert, "resolvedBy", resolvedBy);
      putIf(alert, "resolvedAt", text(resolvedAt));
      putIf(alert, "outcome", outcome);
      putIf(alert, "note", note);
      putIf(alert, "escalatedAt", text(escalatedAt));
      return alert;
    }

    /** From raising to acknowledging, when it has been acknowledged. */
    Optional<Duration> toAcknowledge() {
      return acknowledgedAt == null ? Optional.empty() : Optional.of(Duration.between(at, acknowledgedAt));
    }

    Optional<Duration> toResolve() {
      return resolvedAt == null ? Optional.empty() : Optional.of(Duration.between(at, resolvedAt));
    }

    private static String text(OffsetDateTime t) {
      return t == null ? null : t.toInstant().toString();
    }

    private static void putIf(JsonObject json, String field, Object value) {
      if (value != null) {
        json.put(field, value);
      }
    }
  }

  /** Stores a new open alert; empty when it repeats a report already stored. */
  public Future<Optional<Alert>> insert(SqlClient client, long groupId, long userId, String kind, JsonObject ref) {
    return client.preparedQuery(INSERT).execute(Tuple.of(groupId, userId, kind, ref)).map(AlertStore::first);
  }

  /** The group's alerts in that status (every alert when null), oldest first. */
  public Future<List<Alert>> list(SqlClient client, long groupId, String status) {
    return client.preparedQuery(LIST).execute(Tuple.of(groupId, status)).map(AlertStore::alerts);
  }

  public Future<Optional<Alert>> find(SqlClient client, long groupId, long alertId) {
    return client.preparedQuery(FIND).execute(Tuple.of(alertId, groupId)).map(AlertStore::first);
  }

  /** Acknowledges an open alert; empty when it is not open (or not there). */
  public Future<Optional<Alert>> acknowledge(SqlClient client, long groupId, long alertId, long by) {
    return client.preparedQuery(ACKNOWLEDGE).execute(Tuple.of(alertId, groupId, by)).map(AlertStore::first);
  }

  /** Resolves an alert not resolved yet; empty when it is resolved (or not there). */
  public Future<Optional<Alert>> resolve(SqlClient client, long groupId, long alertId, long by, String outcome,
                                         String note) {
    return client.preparedQuery(RESOLVE).execute(Tuple.of(alertId, groupId, by, outcome, note))
        .map(AlertStore::first);
  }

  /** Open alerts over every group. */
  public Future<Long> openCount(SqlClient client) {
    return client.query(OPEN_COUNT).execute().map(rows -> rows.iterator().next().getLong(0));
  }

  static Optional<Alert> first(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(alert(rows.iterator().next()));
  }

  static List<Alert> alerts(RowSet<Row> rows) {
    List<Alert> list = new ArrayList<>(rows.size());
    rows.forEach(r -> list.add(alert(r)));
    return list;
  }

  private static Alert alert(Row r) {
    Object ref = r.getValue("ref");
    return new Alert(r.getLong("id"), r.getLong("group_id"), r.getLong("user_id"), r.getString("kind"),
        ref instanceof JsonObject o ? o : null, r.getOffsetDateTime("at"), r.getString("status"),
        r.getLong("acknowledged_by"), r.getOffsetDateTime("acknowledged_at"), r.getLong("resolved_by"),
        r.getOffsetDateTime("resolved_at"), r.getString("outcome"), r.getString("note"),
        r.getOffsetDateTime("escalated_at"));
  }
}
