package org.holdspace.grouplog;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.holdspace.core.Addresses;
import org.holdspace.core.Refusal;
import org.holdspace.protocol.Phase;
import org.holdspace.protocol.CoursePlan;
import org.holdspace.metrics.Meters;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The group event log, the source of truth: every change of a group is a row with the next per-group {@code seq},
 * written in one transaction with the group's derived state and published on the event bus only after commit.
 */
public final class EventLog {
  /** The columns a {@link GroupSnapshot} is read from (see {@link #snapshotOf}). */
  private static final String SNAPSHOT_COLUMNS = "last_seq, current_session, session_status, session_count, phase, "
      + "initial_until, termination_from, state, " + CoursePlan.cancelledColumn("groups");
  private static final String READ = "SELECT " + SNAPSHOT_COLUMNS + " FROM groups WHERE id = $1";
  private static final String LOCK = READ + " FOR UPDATE";
  private static final String SAVE = "UPDATE groups SET last_seq = $2, current_session = $3, session_status = $4, "
      + "state = $5, next_deadline = $6, phase = $7 WHERE id = $1";
  private static final String INSERT = "INSERT INTO group_events (group_id, seq, kind, actor_id, client_id, body) "
      + "VALUES ($1, $2, $3, $4, $5, $6) RETURNING at";
  private static final String SINCE = "SELECT e.seq, e.kind, e.at, e.actor_id, u.display_name, e.client_id, e.body "
      + "FROM group_events e LEFT JOIN users u ON u.id = e.actor_id "
      + "WHERE e.group_id = $1 AND e.seq > $2 ORDER BY e.seq LIMIT $3";
  private static final String SINCE_WITHIN = SINCE.replace("ORDER BY", "AND NOT EXISTS (SELECT 1 FROM "
      + "unnest($4::bigint[], $5::bigint[]) AS c(f, t) WHERE e.seq > c.f AND e.seq < c.t) ORDER BY");
  private static final String CUTS = "SELECT r.seq, (SELECT min(x.seq) FROM group_events x WHERE x.group_id = $1 "
      + "AND x.seq > r.seq AND (x.kind = 'session_ended' OR (x.kind = 'readmit' AND x.body->>'userId' = $2))) "
      + "FROM group_events r WHERE r.group_id = $1 AND r.kind = 'remove' AND r.body->>'userId' = $2 ORDER BY r.seq";
  private static final String LAST_SEQS = "SELECT id, last_seq FROM groups WHERE id = ANY($1)";

  private final Vertx vertx;
  private final Pool pool;
  private final Meters meters;

  public EventLog(Vertx vertx, Pool pool, Meters meters) {
    this.vertx = vertx;
    this.pool = pool;
    this.meters = meters;
    LoggedEvent.registerOn(vertx.eventBus());
  }

  /** A decision on a locked group that may read and write within its transaction. */
  @FunctionalInterface
  public interface Decision {
    /** The change to make, or a failed future (a {@link org.holdspace.core.Refusal}) that rolls everything back. */
    Future<Change> decide(SqlClient tx, GroupSnapshot snapshot);
  }

  /**
   * Locks the group's row, lets the decision read the snapshot and write within the transaction, appends the events
   * it answers with consecutive seqs, saves the snapshot they lead to, commits, and only then publishes the events.
   */
  public Future<List<JsonObject>> change(long groupId, Decision decision) {
    return pool.withTransaction(tx -> lock(tx, groupId)
        .compose(snapshot -> decision.decide(tx, snapshot))
        .compose(change -> change.isEmpty() ? Future.succeededFuture(List.<JsonObject>of()) : append(tx, change)))
        .onSuccess(events -> publish(groupId, events));
  }

  /** {@link #change(long, Decision)} for decisions that need no reads or writes of their own. */
  public Future<List<JsonObject>> change(long groupId, Function<GroupSnapshot, Change> decision) {
    return change(groupId, (tx, snapshot) -> Future.succeededFuture(decision.apply(snapshot)));
  }

  private Future<List<JsonObject>> append(SqlClient tx, Change change) {
    GroupSnapshot after = change.after();
    Appends appends = new Appends(Map.of(after.groupId(), after.lastSeq()));
    change.events().forEach(e -> appends.add(after.groupId(), e));
    Future<List<JsonObject>> inserted = appends.insert(tx);
    Future<?> saved = save(tx, after.withLastSeq(appends.lastSeq(after.groupId())));
    return Future.all(inserted, saved).map(done -> inserted.result());
  }

  private Future<GroupSnapshot> lock(SqlClient tx, long groupId) {
    return tx.preparedQuery(LOCK).execute(Tuple.of(groupId)).map(rows -> toSnapshot(groupId, rows));
  }

  /** The group's current state without locking, for a joining socket. */
  public Future<GroupSnapshot> read(long groupId) {
    return pool.preparedQuery(READ).execute(Tuple.of(groupId)).map(rows -> toSnapshot(groupId, rows));
  }

  private static GroupSnapshot toSnapshot(long groupId, io.vertx.sqlclient.RowSet<Row> rows) {
    if (rows.size() == 0) {
      throw Refusal.notFound("groupId: no such group");
    }
    return snapshotOf(groupId, rows.iterator().next());
  }

  /** A snapshot from a row with the {@link #SNAPSHOT_COLUMNS}. */
  private static GroupSnapshot snapshotOf(long groupId, Row r) {
    int sessionCount = r.getInteger("session_count");
    return new GroupSnapshot(groupId, r.getLong("last_seq"), r.getInteger("current_session"),
        SessionStatus.fromWire(r.getString("session_status")), sessionCount,
        Phase.valueOf(r.getString("phase").toUpperCase(java.util.Locale.ROOT)),
        CoursePlan.read(r),
        stateOf(r));
  }

  /** The group's derived state from a row with its {@code state} column. */
  static GroupState stateOf(Row r) {
    Object state = r.getValue("state");
    return GroupState.fromJson(state instanceof JsonObject o ? o : new JsonObject());
  }

  private static Future<Void> save(SqlClient tx, GroupSnapshot s) {
    Long deadline = s.state().nextDeadline();
    return tx.preparedQuery(SAVE)
        .execute(Tuple.of(s.groupId(), s.lastSeq(), s.currentSession(), s.status().wire(), s.state().toJson(),
            deadline == null ? null : java.time.Instant.ofEpochMilli(deadline).atOffset(java.time.ZoneOffset.UTC),
            s.phase().wire()))
        .mapEmpty();
  }

  /** Publishes committed events to every node, in seq order. */
  void publish(long groupId, List<JsonObject> events) {
    events.forEach(e -> vertx.eventBus().publish(Addresses.group(groupId), LoggedEvent.of(e)));
    meters.published(events.size());
  }

  /** Stored events with {@code seq > after}, oldest first, at most {@code limit}. */
  public Future<List<JsonObject>> since(long groupId, long after, int limit) {
    return pool.preparedQuery(SINCE).execute(Tuple.of(groupId, after, limit)).map(rows -> events(groupId, rows));
  }

  /** The account's cuts of the group's log (see {@link ReadWindow}), after {@code readsAfter}. */
  public Future<ReadWindow> window(long groupId, long userId, long readsAfter) {
    return pool.preparedQuery(CUTS).execute(Tuple.of(groupId, String.valueOf(userId))).map(rows -> {
      List<ReadWindow.Cut> cuts = new ArrayList<>(rows.size());
      for (Row r : rows) {
        Long until = r.getLong(1);
        cuts.add(new ReadWindow.Cut(r.getLong(0), until == null ? Long.MAX_VALUE : until));
      }
      return new ReadWindow(readsAfter, cuts);
    });
  }

  /** {@link #since} with only what the window shows: {@code limit} visible events at most. */
  public Future<List<JsonObject>> since(long groupId, long after, int limit, ReadWindow window) {
    if (window.cuts().isEmpty()) {
      return since(groupId, Math.max(after, window.readsAfter()), limit);
    }
    Tuple args = Tuple.of(groupId, Math.max(after, window.readsAfter()), limit)
        .addArrayOfLong(window.froms()).addArrayOfLong(window.tos());
    return pool.preparedQuery(SINCE_WITHIN).execute(args).map(rows -> events(groupId, rows));
  }

  private static List<JsonObject> events(long groupId, io.vertx.sqlclient.RowSet<Row> rows) {
    List<JsonObject> events = new ArrayList<>(rows.size());
    for (Row r : rows) {
      Object body = r.getValue("body");
      events.add(wire(groupId, r.getLong("seq"), r.getString("kind"),
          r.getOffsetDateTime("at").toInstant().toString(), r.getLong("actor_id"), r.getString("display_name"),
          r.getString("client_id"), body instanceof JsonObject o ? o : new JsonObject()));
    }
    return events;
  }

  /** The last seq of each of the groups, by group id (groups that do not exist are left out). */
  public Future<Map<Long, Long>> lastSeqs(Collection<Long> groupIds) {
    Long[] ids = groupIds.toArray(new Long[0]);
    return pool.preparedQuery(LAST_SEQS).execute(Tuple.tuple().addArrayOfLong(ids)).map(rows -> {
      Map<Long, Long> last = new HashMap<>();
      for (Row r : rows) {
        last.put(r.getLong(0), r.getLong(1));
      }
      return last;
    });
  }

  /** The contract's event frame. */
  static JsonObject wire(long groupId, long seq, String kind, String at, Long actorId, String actorName,
                         String clientId, JsonObject body) {
    JsonObject event = new JsonObject()
        .put("type", "event")
        .put("groupId", groupId)
        .put("seq", seq)
        .put("kind", kind)
        .put("at", at);
    if (actorId != null) {
      event.put("from", new JsonObject().put("id", actorId).put("displayName", actorName));
    }
    body.forEach(field -> event.put(field.getKey(), field.getValue()));
    if (clientId != null) {
      event.put("clientId", clientId);
    }
    return event;
  }

  /** History for the HTTP call: a page of the events the window shows, as a JSON array. */
  public Future<JsonArray> page(long groupId, long after, int limit, ReadWindow window) {
    return since(groupId, after, limit, window).map(JsonArray::new);
  }
}
