package org.holdspace.clinical;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.holdspace.core.Refusal;
import org.holdspace.protocol.Phase;
import org.holdspace.protocol.CoursePlan;
import org.holdspace.protocol.Protocols;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A group's {@link Course}: its plan (with its cancelled sessions) and session from {@code groups}, its settings and
 * its phase changes.
 */
public final class CourseStore {
  private static final String FIND = "SELECT g.protocol, g.session_count, g.current_session, g.session_status, "
      + "g.initial_until, g.termination_from, g.phase, s.measure_every, coalesce(s.gad7, false) AS gad7, "
      + CoursePlan.cancelledColumn("g") + " FROM groups g LEFT JOIN clinical_settings s ON s.group_id = g.id "
      + "WHERE g.id = $1";
  private static final String INSERT_CHANGE = "INSERT INTO phase_changes (group_id, phase, session, actor_id, "
      + "override_reason) VALUES ($1, $2, $3, $4, $5)";
  private static final String HISTORY = "SELECT phase, session, actor_id, override_reason, at FROM phase_changes "
      + "WHERE group_id = $1 ORDER BY id";
  private static final String TERMINATION_OPENED = "SELECT at FROM phase_changes WHERE group_id = $1 "
      + "AND phase = 'termination' ORDER BY id DESC LIMIT 1";
  private static final String SAVE_SETTINGS = "INSERT INTO clinical_settings (group_id, measure_every, gad7) "
      + "VALUES ($1, coalesce($2::int, $4::int), coalesce($3::boolean, false)) ON CONFLICT (group_id) DO UPDATE SET "
      + "measure_every = coalesce($2::int, clinical_settings.measure_every), "
      + "gad7 = coalesce($3::boolean, clinical_settings.gad7), updated_at = now()";

  /** One move of the group's clinical phase; {@code overrideReason} is null when the rules allowed it. */
  public record PhaseChange(String phase, int session, long by, String at, String overrideReason) {
  }

  private final Protocols protocols;

  public CourseStore(Protocols protocols) {
    this.protocols = protocols;
  }

  /**
   * The group's course; 404 when there is no such group. Questionnaires are due every {@code measureEvery} sessions
   * as the facilitator set it, else as the protocol's default schedule says.
   */
  public Future<Course> find(SqlClient client, long groupId) {
    return client.preparedQuery(FIND).execute(Tuple.of(groupId)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.failedFuture(Refusal.notFound());
      }
      Row r = rows.iterator().next();
      return protocols.of(r.getString("protocol")).map(protocol -> {
        Integer every = r.getInteger("measure_every");
        return new Course(groupId, protocol, CoursePlan.read(r), r.getInteger("current_session"),
            r.getString("session_status"), Phase.valueOf(r.getString("phase").toUpperCase(Locale.ROOT)),
            every == null ? protocol.measureEvery() : every, r.getBoolean("gad7"));
      });
    });
  }

  /** The phase changes, oldest first. */
  public Future<List<PhaseChange>> history(SqlClient client, long groupId) {
    return client.preparedQuery(HISTORY).execute(Tuple.of(groupId)).map(rows -> {
      List<PhaseChange> list = new ArrayList<>(rows.size());
      for (Row r : rows) {
        list.add(new PhaseChange(r.getString("phase"), r.getInteger("session"), r.getLong("actor_id"),
            r.getOffsetDateTime("at").toInstant().toString(), r.getString("override_reason")));
      }
      return list;
    });
  }

  public Future<Void> insertChange(SqlClient tx, long groupId, String phase, int session, long actorId,
                                   String overrideReason) {
    return tx.preparedQuery(INSERT_CHANGE).execute(Tuple.of(groupId, phase, session, actorId, overrideReason))
        .mapEmpty();
  }

  /** When the group last entered the termination phase, or null. */
  public Future<String> terminationOpenedAt(SqlClient client, long groupId) {
    return client.preparedQuery(TERMINATION_OPENED).execute(Tuple.of(groupId)).map(rows -> rows.size() == 0 ? null
        : rows.iterator().next().getOffsetDateTime("at").toInstant().toString());
  }

  /** Saves the settings given (null keeps the stored one, or the course's current one). */
  public Future<Void> saveSettings(SqlClient client, Course course, Integer measureEvery, Boolean gad7) {
    return client.preparedQuery(SAVE_SETTINGS)
        .execute(Tuple.of(course.groupId(), measureEvery, gad7, course.measureEvery())).mapEmpty();
  }
}
