package org.holdspace.session;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads what {@link Attendance} needs from the group's log and enrolment; the one place attendance is derived. */
public final class AttendanceStore {
  private static final String ENTRIES = "SELECT kind, (body->>'userId')::bigint AS user_id, at, "
      + "(body->>'number')::int AS number FROM group_events WHERE group_id = $1 "
      + "AND kind IN ('join', 'leave', 'session_started', 'session_ended') ORDER BY seq";
  private static final String MEMBERS = "SELECT user_id FROM group_members WHERE group_id = $1 AND role = 'member'";

  private AttendanceStore() {
  }

  /** Every session of the group so far with its attendees (see {@link Attendance#compute}). */
  public static Future<JsonArray> sessions(SqlClient client, long groupId) {
    return Future.all(client.preparedQuery(ENTRIES).execute(Tuple.of(groupId)),
        client.preparedQuery(MEMBERS).execute(Tuple.of(groupId))).map(all -> {
          List<Attendance.Entry> entries = new ArrayList<>();
          for (Row r : all.<RowSet<Row>>resultAt(0)) {
            entries.add(new Attendance.Entry(r.getString("kind"), r.getLong("user_id"),
                r.getOffsetDateTime("at").toInstant(), r.getInteger("number")));
          }
          Set<Long> members = new HashSet<>();
          all.<RowSet<Row>>resultAt(1).forEach(r -> members.add(r.getLong(0)));
          return Attendance.compute(entries, members);
        });
  }
}
