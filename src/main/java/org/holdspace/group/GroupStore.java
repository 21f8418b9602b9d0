package org.holdspace.group;

import org.holdspace.protocol.CoursePlan;
import org.holdspace.protocol.PhaseSplit;
import org.holdspace.protocol.SessionPlan;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Groups and their planned sessions ({@code groups}, {@code group_sessions}); enrolment is {@link Enrolment}. */
public final class GroupStore {
  private static final String INSERT_GROUP = "INSERT INTO groups (name, protocol, session_count, first_session_at, "
      + "duration_minutes, created_by, initial_until, termination_from, time_zone) "
      + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";
  private static final String INSERT_SESSION =
      "INSERT INTO group_sessions (group_id, number, phase, scheduled_at) VALUES ($1, $2, $3, $4)";
  private static final String FIND_GROUP = "SELECT id, name, protocol, session_count, first_session_at, "
      + "duration_minutes, current_session, session_status, retention_days, phase, initial_until, termination_from, "
      + "time_zone, " + CoursePlan.cancelledColumn("groups") + " FROM groups WHERE id = $1";
  private static final String LOCK_GROUP = "SELECT id FROM groups WHERE id = $1 FOR UPDATE";
  private static final String SET_RETENTION = "UPDATE groups SET retention_days = $2 WHERE id = $1";
  private static final String SESSIONS =
      "SELECT number, phase, scheduled_at, started_at, ended_at, cancelled_at, moved_from FROM group_sessions "
      + "WHERE group_id = $1 ORDER BY number";

  /** A group's row; {@code phase} is its clinical phase, {@code plan} its plan as it stands. */
  public record StoredGroup(long id, String name, String protocol, int sessionCount, Instant firstSessionAt,
                            int durationMinutes, int currentSession, String sessionStatus, Integer retentionDays,
                            String phase, CoursePlan plan, String timeZone) {
    /** The phase the plan gives the upcoming session. */
    public String planPhase() {
      return plan.planPhase(currentSession, live()).wire();
    }

    private boolean live() {
      return "live".equals(sessionStatus);
    }

    public JsonObject toJson() {
      return new JsonObject()
          .put("id", id)
          .put("name", name)
          .put("protocol", protocol)
          .put("sessionCount", sessionCount)
          .put("firstSessionAt", firstSessionAt.toString())
          .put("durationMinutes", durationMinutes)
          .put("currentSession", currentSession)
          .put("sessionStatus", sessionStatus)
          .put("retentionDays", retentionDays)
          .put("phase", phase)
          .put("planPhase", planPhase())
          .put("upcomingSession", plan.upcoming(currentSession, live()))
          .put("courseOver", plan.over(currentSession, live()))
          .put("timeZone", timeZone);
    }
  }

  /**
   * One planned session, with when it started and ended once it has; a cancelled one keeps its number and is skipped,
   * a moved one knows the time it was first planned for ({@code movedFrom}).
   */
  public record StoredSession(int number, String phase, Instant scheduledAt, Instant startedAt, Instant endedAt,
                              boolean cancelled, Instant movedFrom) {
    /** Whether it has started (held or live): such a session can no longer be moved or cancelled. */
    public boolean held() {
      return startedAt != null;
    }

    public JsonObject toJson() {
      JsonObject s = new JsonObject().put("number", number).put("phase", phase)
          .put("scheduledAt", scheduledAt.toString()).put("cancelled", cancelled);
      if (movedFrom != null) {
        s.put("movedFrom", movedFrom.toString());
      }
      if (startedAt != null) {
        s.put("startedAt", startedAt.toString());
      }
      if (endedAt != null) {
        s.put("endedAt", endedAt.toString());
      }
      return s;
    }
  }

  /** Inserts the group and its planned sessions; answers its id. */
  public Future<Long> create(SqlClient client, String name, String protocol, PhaseSplit split, Instant firstSessionAt,
                             int durationMinutes, long createdBy, String timeZone,
                             List<SessionPlan.PlannedSession> plan) {
    return client.preparedQuery(INSERT_GROUP)
        .execute(Tuple.of(name, protocol, split.sessionCount(), firstSessionAt.atOffset(ZoneOffset.UTC),
            durationMinutes, createdBy, split.initialUntil(), split.terminationFrom(), timeZone))
        .map(rows -> rows.iterator().next().getLong(0))
        .compose(id -> {
          List<Tuple> sessions = new ArrayList<>();
          for (SessionPlan.PlannedSession s : plan) {
            sessions.add(Tuple.of(id, s.number(), s.phase().wire(), s.scheduledAt().atOffset(ZoneOffset.UTC)));
          }
          return client.preparedQuery(INSERT_SESSION).executeBatch(sessions).map(id);
        });
  }

  public Future<Optional<StoredGroup>> find(SqlClient client, long groupId) {
    return client.preparedQuery(FIND_GROUP).execute(Tuple.of(groupId)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row r = rows.iterator().next();
      return Optional.of(new StoredGroup(r.getLong("id"), r.getString("name"), r.getString("protocol"),
          r.getInteger("session_count"), r.getOffsetDateTime("first_session_at").toInstant(),
          r.getInteger("duration_minutes"), r.getInteger("current_session"), r.getString("session_status"),
          r.getInteger("retention_days"), r.getString("phase"), CoursePlan.read(r), r.getString("time_zone")));
    });
  }

  /** Holds the group's row until the transaction ends, so that concurrent enrolments count one after another. */
  public Future<Void> lock(SqlClient tx, long groupId) {
    return tx.preparedQuery(LOCK_GROUP).execute(Tuple.of(groupId)).mapEmpty();
  }

  /** Sets how many days after the course ends its chat text is kept (null: kept). */
  public Future<Void> setRetention(SqlClient client, long groupId, Integer days) {
    return client.preparedQuery(SET_RETENTION).execute(Tuple.of(groupId, days)).mapEmpty();
  }

  /** The plan, in session order. */
  public Future<List<StoredSession>> sessions(SqlClient client, long groupId) {
    return client.preparedQuery(SESSIONS).execute(Tuple.of(groupId)).map(rows -> {
      List<StoredSession> plan = new ArrayList<>(rows.size());
      for (Row r : rows) {
        plan.add(new StoredSession(r.getInteger("number"), r.getString("phase"), instant(r, "scheduled_at"),
            instant(r, "started_at"), instant(r, "ended_at"), r.getOffsetDateTime("cancelled_at") != null,
            instant(r, "moved_from")));
      }
      return plan;
    });
  }

  private static Instant instant(Row r, String column) {
    OffsetDateTime at = r.getOffsetDateTime(column);
    return at == null ? null : at.toInstant();
  }
}
