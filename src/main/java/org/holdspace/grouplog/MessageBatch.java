package org.holdspace.grouplog;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.holdspace.core.Refusal;
import org.holdspace.db.SqlErrors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stores a batch of messages, from any groups, in one transaction: locks the groups' rows (in id order, so two
 * batches never deadlock), decides each message against its group's state in arrival order, finds repeated
 * clientIds, gives the accepted ones consecutive seqs, inserts them with one statement and moves each group's
 * last seq. One commit (one disk flush) serves the whole batch.
 */
final class MessageBatch {
  /** Only what the rule decides on and the seqs continue from: a message needs nothing of the course plan. */
  private static final String LOCK_GROUPS = "SELECT id, last_seq, session_status, state "
      + "FROM groups WHERE id = ANY($1) ORDER BY id FOR UPDATE";
  private static final String KNOWN_CLIENT_IDS = "SELECT e.group_id, e.actor_id, e.client_id, e.seq "
      + "FROM group_events e JOIN unnest($1::bigint[], $2::bigint[], $3::text[]) AS k(g, a, c) "
      + "ON e.group_id = k.g AND e.actor_id = k.a AND e.client_id = k.c WHERE e.client_id IS NOT NULL";
  /** Each sender's newest message only, read backwards from the end of the index, however many they wrote. */
  private static final String LAST_MESSAGE_AT = "SELECT k.g, k.a, l.at "
      + "FROM unnest($1::bigint[], $2::bigint[]) AS k(g, a) CROSS JOIN LATERAL (SELECT e.at FROM group_events e "
      + "WHERE e.group_id = k.g AND e.actor_id = k.a AND e.kind = 'message' ORDER BY e.seq DESC LIMIT 1) AS l";
  /** {@code = ANY} lets the cached plan find the groups in the primary key instead of scanning the table. */
  private static final String MOVE_SEQ = "UPDATE groups SET last_seq = u.s "
      + "FROM unnest($1::bigint[], $2::bigint[]) AS u(id, s) WHERE groups.id = u.id AND groups.id = ANY($1::bigint[])";

  /** One message waiting to be stored, and what became of it. */
  static final class Item {
    final MessageLog.Message message;
    Long seq;
    boolean duplicate;
    Refusal refusal;

    Item(MessageLog.Message message) {
      this.message = message;
    }

    void reset() {
      seq = null;
      duplicate = false;
      refusal = null;
    }

    /** Refuses the message after its batch was tried (it could not be stored). */
    void refuse(Refusal why) {
      seq = null;
      duplicate = false;
      refusal = why;
    }
  }

  /**
   * A clientId of the batch was already stored by an earlier frame: the transaction is rolled back and the batch
   * stored again with the stored clientIds looked up first.
   */
  static final class RepeatedClientId extends RuntimeException {
    RepeatedClientId() {
      super("a clientId of the batch was stored before", null, false, false);
    }
  }

  private MessageBatch() {
  }

  /**
   * Decides and stores the batch in one transaction of two round trips: BEGIN with the group locks (and the
   * clientId look-up), then the writes with COMMIT, each pair pipelined on one connection. Answers the stored
   * events per group, in seq order, and tells {@code known} the groups' rows as the batch left them. With
   * {@code lookUpClientIds} false, clientIds are assumed new (a retried frame is rare): a batch that repeats a
   * stored one fails on the unique index with {@link RepeatedClientId}, rolled back whole, to be stored again with
   * the look-up.
   */
  static Future<Map<Long, List<JsonObject>>> store(Pool pool, List<Item> items, MessageRule rule, long now,
                                                   boolean lookUpClientIds, KnownGroups known) {
    items.forEach(Item::reset);
    boolean[] commitSent = new boolean[1];
    // Started inside a future, so that a statement refused on the spot still rolls back and releases the connection.
    return pool.withConnection(conn -> Future.succeededFuture().compose(start -> {
      Future<?> begun = conn.query("BEGIN").execute();
      Future<Map<Long, GroupRow>> locked = lock(conn, items);
      Future<Map<String, Long>> clientIds = lookUpClientIds ? knownClientIds(conn, items)
          : Future.succeededFuture(new HashMap<>());
      return Future.all(begun, locked, clientIds)
          .compose(ready -> lastMessages(conn, items, locked.result(), rule))
          .compose(last -> {
            Appends appends = new Appends(lastSeqs(locked.result()));
            decide(items, locked.result(), clientIds.result(), last, rule, appends, now);
            commitSent[0] = true;
            return writeAndCommit(conn, appends).onSuccess(done -> known.remember(after(locked.result(), appends)));
          });
    }).recover(e -> {
      Throwable failure = SqlErrors.isUniqueViolation(e) ? new RepeatedClientId() : e;
      // Once COMMIT was sent, PostgreSQL has ended the transaction either way (a failed one is rolled back).
      return commitSent[0] ? Future.failedFuture(failure)
          : conn.query("ROLLBACK").execute().transform(ignored -> Future.failedFuture(failure));
    }));
  }

  static Map<Long, Long> lastSeqs(Map<Long, GroupRow> rows) {
    Map<Long, Long> lastSeqs = new HashMap<>();
    rows.forEach((id, row) -> lastSeqs.put(id, row.lastSeq()));
    return lastSeqs;
  }

  /** The rows once the appends are stored. */
  static Map<Long, GroupRow> after(Map<Long, GroupRow> rows, Appends appends) {
    Map<Long, GroupRow> after = new HashMap<>();
    rows.forEach((id, row) -> after.put(id, row.withLastSeq(appends.lastSeq(id))));
    return after;
  }

  /** Events per group, in seq order within each group. */
  static Map<Long, List<JsonObject>> byGroup(List<JsonObject> events) {
    Map<Long, List<JsonObject>> byGroup = new TreeMap<>();
    for (JsonObject event : events) {
      byGroup.computeIfAbsent(event.getLong("groupId"), k -> new ArrayList<>()).add(event);
    }
    return byGroup;
  }

  private static Future<Map<Long, GroupRow>> lock(SqlConnection conn, List<Item> items) {
    Long[] groupIds = items.stream().map(i -> i.message.groupId()).distinct().sorted().toArray(Long[]::new);
    return conn.preparedQuery(LOCK_GROUPS).execute(Tuple.tuple().addArrayOfLong(groupIds)).map(rows -> {
      Map<Long, GroupRow> groups = new HashMap<>();
      for (Row r : rows) {
        groups.put(r.getLong("id"), new GroupRow(r.getLong("last_seq"),
            SessionStatus.fromWire(r.getString("session_status")) == SessionStatus.LIVE, EventLog.stateOf(r)));
      }
      return groups;
    });
  }

  private static String key(long groupId, long actorId, String clientId) {
    return groupId + "/" + actorId + "/" + clientId;
  }

  private static Future<Map<String, Long>> knownClientIds(SqlConnection tx, List<Item> items) {
    List<Item> keyed = items.stream().filter(i -> i.message.clientId() != null).toList();
    if (keyed.isEmpty()) {
      return Future.succeededFuture(new HashMap<>());
    }
    Long[] g = keyed.stream().map(i -> i.message.groupId()).toArray(Long[]::new);
    Long[] a = keyed.stream().map(i -> i.message.user().id()).toArray(Long[]::new);
    String[] c = keyed.stream().map(i -> i.message.clientId()).toArray(String[]::new);
    return tx.preparedQuery(KNOWN_CLIENT_IDS).execute(Tuple.of(g, a, c)).map(rows -> {
      Map<String, Long> known = new HashMap<>();
      for (Row r : rows) {
        known.put(key(r.getLong(0), r.getLong(1), r.getString(2)), r.getLong(3));
      }
      return known;
    });
  }

  /** Where the rule needs it: the last message time of each member writing to that group in this batch. */
  private static Future<Map<String, Long>> lastMessages(SqlConnection tx, List<Item> items,
                                                        Map<Long, GroupRow> groups, MessageRule rule) {
    List<Item> slowed = items.stream().filter(i -> groups.containsKey(i.message.groupId())
        && rule.needsLastMessageAt(i.message, groups.get(i.message.groupId()).state())).toList();
    if (slowed.isEmpty()) {
      return Future.succeededFuture(new HashMap<>());
    }
    Long[] g = slowed.stream().map(i -> i.message.groupId()).toArray(Long[]::new);
    Long[] a = slowed.stream().map(i -> i.message.user().id()).toArray(Long[]::new);
    return tx.preparedQuery(LAST_MESSAGE_AT).execute(Tuple.tuple().addArrayOfLong(g).addArrayOfLong(a)).map(rows -> {
      Map<String, Long> last = new HashMap<>();
      for (Row r : rows) {
        last.put(r.getLong(0) + "/" + r.getLong(1), r.getOffsetDateTime(2).toInstant().toEpochMilli());
      }
      return last;
    });
  }

  /**
   * Decides each message in arrival order against its group's row, the clientIds known to be stored and the
   * senders' last message times, and gives the accepted ones their seqs.
   */
  static void decide(List<Item> items, Map<Long, GroupRow> groups, Map<String, Long> known,
                             Map<String, Long> lastAt, MessageRule rule, Appends appends, long now) {
    for (Item item : items) {
      MessageLog.Message m = item.message;
      GroupRow s = groups.get(m.groupId());
      if (s == null) {
        item.refusal = Refusal.notFound("groupId: no such group");
        continue;
      }
      String key = m.clientId() == null ? null : key(m.groupId(), m.user().id(), m.clientId());
      if (key != null && known.containsKey(key)) {
        item.seq = known.get(key);
        item.duplicate = true;
        continue;
      }
      String speaker = m.groupId() + "/" + m.user().id();
      item.refusal = rule.refusal(m, s.live(), s.state(), lastAt.get(speaker), now);
      if (item.refusal != null) {
        continue;
      }
      item.seq = appends.add(m.groupId(), new NewEvent("message", m.user(), m.clientId(),
          new JsonObject().put("text", m.text())));
      lastAt.put(speaker, now);
      if (key != null) {
        known.put(key, item.seq);
      }
    }
  }

  /** The inserts, the groups' new last seqs and COMMIT, sent together; the commit holds only if both succeeded. */
  private static Future<Map<Long, List<JsonObject>>> writeAndCommit(SqlConnection tx, Appends appends) {
    if (appends.isEmpty()) {
      return tx.query("COMMIT").execute().map(done -> Map.of());
    }
    Long[] movedIds = appends.lastSeqs().keySet().stream().sorted().toArray(Long[]::new);
    Long[] lastSeqs = java.util.Arrays.stream(movedIds).map(appends::lastSeq).toArray(Long[]::new);
    Future<List<JsonObject>> inserted = appends.insert(tx);
    Future<?> moved = tx.preparedQuery(MOVE_SEQ)
        .execute(Tuple.tuple().addArrayOfLong(movedIds).addArrayOfLong(lastSeqs));
    // After a failed statement PostgreSQL answers COMMIT with a rollback, so the batch is stored whole or not at all.
    Future<?> committed = tx.query("COMMIT").execute();
    return Future.all(inserted, moved, committed).map(all -> byGroup(inserted.result()));
  }
}
