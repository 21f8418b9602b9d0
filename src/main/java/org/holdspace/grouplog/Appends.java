package org.holdspace.grouplog;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The events one transaction appends to the log, the one place that keeps its invariants: each event gets the next
 * seq of its group (consecutive, from the group's last seq as locked), and all of them are written by one insert.
 * The caller moves the groups' last seqs in the same transaction and publishes only after the commit.
 */
final class Appends {
  private static final String INSERT = "INSERT INTO group_events (group_id, seq, kind, actor_id, client_id, body) "
      + "SELECT g, s, k, a, c, b::jsonb "
      + "FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::bigint[], $5::text[], $6::text[]) "
      + "AS r(g, s, k, a, c, b) RETURNING group_id, seq, at";

  private record Appended(long groupId, long seq, NewEvent event) {
  }

  private final Map<Long, Long> lastSeqs = new HashMap<>();
  private final List<Appended> appended = new ArrayList<>();

  /** Appends after the last seqs of the locked groups, by group id. */
  Appends(Map<Long, Long> lockedLastSeqs) {
    lastSeqs.putAll(lockedLastSeqs);
  }

  /** Gives the event the next seq of its group and answers it. */
  long add(long groupId, NewEvent event) {
    long seq = lastSeqs.merge(groupId, 1L, Long::sum);
    appended.add(new Appended(groupId, seq, event));
    return seq;
  }

  boolean isEmpty() {
    return appended.isEmpty();
  }

  /** The group's last seq once these events are stored. */
  long lastSeq(long groupId) {
    return lastSeqs.get(groupId);
  }

  /** Every group these appends started from, with its last seq once they are stored. */
  Map<Long, Long> lastSeqs() {
    return lastSeqs;
  }

  /**
   * Writes every event with one statement (sent at once, so it can share a round trip with the statements queued
   * after it) and answers their event frames in the order they were added.
   */
  Future<List<JsonObject>> insert(SqlClient tx) {
    return tx.preparedQuery(INSERT).execute(addColumnsTo(Tuple.tuple())).map(this::frames);
  }

  /** Adds the events as the six arrays a statement unnests: groups, seqs, kinds, actors, clientIds and bodies. */
  Tuple addColumnsTo(Tuple tuple) {
    int n = appended.size();
    Long[] g = new Long[n];
    Long[] s = new Long[n];
    String[] k = new String[n];
    Long[] a = new Long[n];
    String[] c = new String[n];
    String[] b = new String[n];
    for (int i = 0; i < n; i++) {
      Appended e = appended.get(i);
      g[i] = e.groupId();
      s[i] = e.seq();
      k[i] = e.event().kind();
      a[i] = e.event().actor() == null ? null : e.event().actor().id();
      c[i] = e.event().clientId();
      b[i] = e.event().body().encode();
    }
    return tuple.addValue(g).addValue(s).addValue(k).addValue(a).addValue(c).addValue(b);
  }

  /**
   * The frames of the stored events in the order they were added, from the rows a statement answered with each
   * one's {@code group_id, seq, at}. An event with no row was not stored and is left out, as are rows whose seq is
   * null (not events).
   */
  List<JsonObject> frames(Iterable<Row> stored) {
    Map<String, String> at = new HashMap<>();
    for (Row r : stored) {
      if (r.getLong(1) != null) {
        at.put(key(r.getLong(0), r.getLong(1)), r.getOffsetDateTime(2).toInstant().toString());
      }
    }
    List<JsonObject> frames = new ArrayList<>(appended.size());
    for (Appended e : appended) {
      String time = at.get(key(e.groupId(), e.seq()));
      if (time == null) {
        continue;
      }
      NewEvent event = e.event();
      frames.add(EventLog.wire(e.groupId(), e.seq(), event.kind(), time,
          event.actor() == null ? null : event.actor().id(),
          event.actor() == null ? null : event.actor().displayName(), event.clientId(), event.body()));
    }
    return frames;
  }

  private static String key(long groupId, long seq) {
    return groupId + "/" + seq;
  }
}
