package org.holdspace.clinical;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.holdspace.protocol.Phase;
import org.holdspace.protocol.Protocol;
import org.holdspace.core.Refusal;

import java.util.Locale;

/** Reads a group's {@link Course}: its plan, current session, clinical phase and settings. */
public final class Courses {
  private static final String FIND = "SELECT g.protocol, g.session_count, g.current_session, g.session_status, "
      + "coalesce(s.measure_every, 4) AS measure_every, coalesce(s.gad7, false) AS gad7, "
      + "(SELECT p.phase FROM phase_changes p WHERE p.group_id = g.id ORDER BY p.id DESC LIMIT 1) AS phase "
      + "FROM groups g LEFT JOIN clinical_settings s ON s.group_id = g.id WHERE g.id = $1";

  private Courses() {
  }

  /** The group's course; 404 when there is no such group. */
  public static Future<Course> find(SqlClient client, long groupId) {
    return client.preparedQuery(FIND).execute(Tuple.of(groupId)).map(rows -> {
      if (rows.size() == 0) {
        throw Refusal.notFound();
      }
      Row r = rows.iterator().next();
      String phase = r.getString("phase");
      return new Course(groupId, Protocol.named(r.getString("protocol")).orElseThrow(), r.getInteger("session_count"),
          r.getInteger("current_session"), r.getString("session_status"),
          phase == null ? Phase.INITIAL : Phase.valueOf(phase.toUpperCase(Locale.ROOT)),
          r.getInteger("measure_every"), r.getBoolean("gad7"));
    });
  }
}
