package org.holdspace.session;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;

/** Reads the events of a group's log that {@link Attendance} derives attendance from. */
public final class AttendanceStore {
  private static final String ENTRIES = "SELECT kind, (body->>'userId')::bigint AS user_id, at, "
      + "(body->>'number')::int AS number FROM group_events WHERE group_id = $1 "
      + "AND kind IN ('join', 'leave', 'participation_ended', 'session_started', 'session_ended') ORDER BY seq";

  /** The group's join, leave, participation and session events, in log order. */
  public Future<List<Attendance.Entry>> entries(SqlClient client, long groupId) {
    return client.preparedQuery(ENTRIES).execute(Tuple.of(groupId)).map(rows -> {
      List<Attendance.Entry> entries = new ArrayList<>(rows.size());
      for (Row r : rows) {
        entries.add(new Attendance.Entry(r.getString("kind"), r.getLong("user_id"),
            r.getOffsetDateTime("at").toInstant(), r.getInteger("number")));
      }
      return entries;
    });
  }
}
