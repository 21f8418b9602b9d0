package org.holdspace.grouplog;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.holdspace.db.SqlErrors;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stores a batch decided against the group rows its lane last saw, in one statement and one round trip: it locks
 * each group whose last seq is still the one seen (in id order, as every batch does), moves those groups' last
 * seqs and inserts their events, and commits. A group whose row moved meanwhile (a moderation event, a session
 * starting or ending, a batch of another node) gets nothing written, and its messages are decided again under a lock
 * ({@link MessageBatch}); a refusal is kept only for a group whose row was still the one it was decided on.
 * The groups are found by their ids in the primary key ({@code = ANY}): joined to the unnested arrays alone, the
 * cached plan would scan the whole table for every batch.
 */
final class OneStatementBatch {
  private static final String STORE = "WITH seen AS (SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[]) "
      + "AS x(id, was, upto)), "
      + "current AS (SELECT seen.id, seen.upto FROM groups g JOIN seen ON g.id = seen.id AND g.last_seq = seen.was "
      + "WHERE g.id = ANY($1::bigint[]) ORDER BY seen.id FOR UPDATE OF g), "
      + "moved AS (UPDATE groups SET last_seq = current.upto FROM current "
      + "WHERE groups.id = current.id AND current.upto <> groups.last_seq), "
      + "inserted AS (INSERT INTO group_events (group_id, seq, kind, actor_id, client_id, body) "
      + "SELECT r.g, r.s, r.k, r.a, r.c, r.b::jsonb "
      + "FROM unnest($4::bigint[], $5::bigint[], $6::text[], $7::bigint[], $8::text[], $9::text[]) "
      + "AS r(g, s, k, a, c, b) JOIN current ON current.id = r.g RETURNING group_id, seq, at) "
      + "SELECT id, NULL::bigint AS seq, NULL::timestamptz AS at FROM current "
      + "UNION ALL SELECT group_id, seq, at FROM inserted";

  /** The events stored per group, and the groups whose row was still current (their messages are decided). */
  record Stored(Map<Long, List<JsonObject>> events, Set<Long> current) {
  }

  private OneStatementBatch() {
  }

  /**
   * The rows the batch would be decided on, or null when the lane does not know one of its groups or a message needs
   * its sender's last message time (slow mode, read under the lock).
   */
  static Map<Long, GroupRow> knownRows(List<MessageBatch.Item> items, MessageRule rule, KnownGroups known) {
    Map<Long, GroupRow> rows = known.allOf(items.stream().map(i -> i.message.groupId()).distinct().toList());
    if (rows == null || items.stream().anyMatch(i -> rule.needsLastMessageAt(i.message,
        rows.get(i.message.groupId()).state()))) {
      return null;
    }
    return rows;
  }

  /** Stores what it can of the batch; a failure has written nothing. */
  static Future<Stored> store(Pool pool, List<MessageBatch.Item> items, Map<Long, GroupRow> rows, MessageRule rule,
                              long now, KnownGroups known) {
    items.forEach(MessageBatch.Item::reset);
    Appends appends = new Appends(MessageBatch.lastSeqs(rows));
    MessageBatch.decide(items, rows, new HashMap<>(), new HashMap<>(), rule, appends, now);
    Long[] ids = rows.keySet().toArray(Long[]::new);
    Long[] was = new Long[ids.length];
    Long[] upto = new Long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      was[i] = rows.get(ids[i]).lastSeq();
      upto[i] = appends.lastSeq(ids[i]);
    }
    Tuple params = appends.addColumnsTo(Tuple.tuple().addValue(ids).addValue(was).addValue(upto));
    return pool.preparedQuery(STORE).execute(params).recover(e -> Future.failedFuture(
        SqlErrors.isUniqueViolation(e) ? new MessageBatch.RepeatedClientId() : e)).map(result -> {
          Set<Long> current = new HashSet<>();
          for (Row r : result) {
            if (r.getLong(1) == null) {
              current.add(r.getLong(0));
            }
          }
          Map<Long, GroupRow> after = MessageBatch.after(rows, appends);
          after.keySet().retainAll(current);
          known.remember(after);
          Set<Long> moved = new HashSet<>(rows.keySet());
          moved.removeAll(current);
          known.forget(moved);
          return new Stored(MessageBatch.byGroup(appends.frames(result)), current);
        });
  }
}
