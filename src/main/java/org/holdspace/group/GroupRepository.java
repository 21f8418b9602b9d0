package org.holdspace.group;

import org.holdspace.protocol.SessionPlan;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Groups, their planned sessions and their enrolment. */
public final class GroupRepository {
  private static final String INSERT_GROUP = "INSERT INTO groups (name, protocol, session_count, first_session_at, "
      + "duration_minutes, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
  private static final String INSERT_SESSION =
      "INSERT INTO group_sessions (group_id, number, phase, scheduled_at) VALUES ($1, $2, $3, $4)";
  private static final String INSERT_MEMBER =
      "INSERT INTO group_members (group_id, user_id, role) VALUES ($1, $2, $3)";
  private static final String FIND_GROUP = "SELECT id, name, protocol, session_count, first_session_at, "
      + "duration_minutes, current_session, session_status, retention_days FROM groups WHERE id = $1";
  private static final String SET_RETENTION = "UPDATE groups SET retention_days = $2 WHERE id = $1";
  private static final String SESSIONS =
      "SELECT number, phase, scheduled_at, started_at, ended_at FROM group_sessions WHERE group_id = $1 ORDER BY number";
  private static final String PEOPLE = "SELECT u.id, u.display_name, m.role, m.focus_area, m.focus_goal "
      + "FROM group_members m JOIN users u ON u.id = m.user_id WHERE m.group_id = $1 ORDER BY m.enrolled_at, u.id";
  private static final String COUNT_MEMBERS =
      "SELECT count(*) FROM group_members WHERE group_id = $1 AND role = 'member'";
  private static final String GROUPS_OF_USER = "SELECT g.id, g.name, g.protocol, g.current_session, "
      + "g.session_status, m.role FROM group_members m JOIN groups g ON g.id = m.group_id WHERE m.user_id = $1 "
      + "ORDER BY g.id";

  private final Pool pool;

  public GroupRepository(Pool pool) {
    this.pool = pool;
  }

  /** Creates the group with its plan and its creator as facilitator, in one transaction. */
  public Future<Long> create(String name, String protocol, int sessionCount, Instant firstSessionAt,
                             int durationMinutes, long facilitatorId, List<SessionPlan.PlannedSession> plan) {
    return pool.withTransaction(tx -> tx.preparedQuery(INSERT_GROUP)
        .execute(Tuple.of(name, protocol, sessionCount, firstSessionAt.atOffset(ZoneOffset.UTC), durationMinutes,
            facilitatorId))
        .map(rows -> rows.iterator().next().getLong(0))
        .compose(id -> {
          List<Tuple> sessions = new ArrayList<>();
          for (SessionPlan.PlannedSession s : plan) {
            sessions.add(Tuple.of(id, s.number(), s.phase().wire(), s.scheduledAt().atOffset(ZoneOffset.UTC)));
          }
          return tx.preparedQuery(INSERT_SESSION).executeBatch(sessions)
              .compose(v -> tx.preparedQuery(INSERT_MEMBER).execute(Tuple.of(id, facilitatorId, "facilitator")))
              .map(id);
        }));
  }

  /** The group row as JSON, or empty. */
  public Future<Optional<JsonObject>> find(long groupId) {
    return pool.preparedQuery(FIND_GROUP).execute(Tuple.of(groupId)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row r = rows.iterator().next();
      return Optional.of(new JsonObject()
          .put("id", r.getLong("id"))
          .put("name", r.getString("name"))
          .put("protocol", r.getString("protocol"))
          .put("sessionCount", r.getInteger("session_count"))
          .put("firstSessionAt", r.getOffsetDateTime("first_session_at").toInstant().toString())
          .put("durationMinutes", r.getInteger("duration_minutes"))
          .put("currentSession", r.getInteger("current_session"))
          .put("sessionStatus", r.getString("session_status"))
          .put("retentionDays", r.getInteger("retention_days")));
    });
  }

  /** Sets how many days after the course ends its chat text is kept (null: kept). */
  public Future<Void> setRetention(SqlClient client, long groupId, Integer days) {
    return client.preparedQuery(SET_RETENTION).execute(Tuple.of(groupId, days)).mapEmpty();
  }

  public Future<JsonArray> sessions(long groupId) {
    return pool.preparedQuery(SESSIONS).execute(Tuple.of(groupId)).map(rows -> {
      JsonArray plan = new JsonArray();
      for (Row r : rows) {
        JsonObject s = new JsonObject()
            .put("number", r.getInteger("number"))
            .put("phase", r.getString("phase"))
            .put("scheduledAt", r.getOffsetDateTime("scheduled_at").toInstant().toString());
        if (r.getOffsetDateTime("started_at") != null) {
          s.put("startedAt", r.getOffsetDateTime("started_at").toInstant().toString());
        }
        if (r.getOffsetDateTime("ended_at") != null) {
          s.put("endedAt", r.getOffsetDateTime("ended_at").toInstant().toString());
        }
        plan.add(s);
      }
      return plan;
    });
  }

  /** Everyone enrolled: {@code [id, displayName, role, focusArea, focusGoal]} rows. */
  public Future<List<Row>> people(long groupId) {
    return pool.preparedQuery(PEOPLE).execute(Tuple.of(groupId)).map(rows -> {
      List<Row> list = new ArrayList<>();
      rows.forEach(list::add);
      return list;
    });
  }

  /** Holds the group's row until the transaction ends, so that concurrent enrolments count one after another. */
  public Future<Void> lockGroup(SqlClient client, long groupId) {
    return client.preparedQuery("SELECT id FROM groups WHERE id = $1 FOR UPDATE").execute(Tuple.of(groupId)).mapEmpty();
  }

  public Future<Long> countMembers(SqlClient client, long groupId) {
    return client.preparedQuery(COUNT_MEMBERS).execute(Tuple.of(groupId)).map(rows -> rows.iterator().next().getLong(0));
  }

  public Future<Void> enrol(SqlClient client, long groupId, long userId) {
    return client.preparedQuery(INSERT_MEMBER).execute(Tuple.of(groupId, userId, "member")).mapEmpty();
  }

  /** The groups an account belongs to, with its role in each. */
  public Future<JsonArray> groupsOf(long userId) {
    return pool.preparedQuery(GROUPS_OF_USER).execute(Tuple.of(userId)).map(rows -> {
      JsonArray list = new JsonArray();
      for (Row r : rows) {
        list.add(new JsonObject()
            .put("id", r.getLong("id"))
            .put("name", r.getString("name"))
            .put("protocol", r.getString("protocol"))
            .put("currentSession", r.getInteger("current_session"))
            .put("sessionStatus", r.getString("session_status"))
            .put("role", r.getString("role")));
      }
      return list;
    });
  }

  public Pool pool() {
    return pool;
  }
}
