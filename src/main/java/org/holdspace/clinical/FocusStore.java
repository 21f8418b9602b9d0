package org.holdspace.clinical;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Members' focus areas (on their enrolment row) and their goals with the ratings given at each session. */
public final class FocusStore {
  private static final String LOCK_MEMBER = "SELECT focus_area FROM group_members "
      + "WHERE group_id = $1 AND user_id = $2 AND role = 'member' FOR UPDATE";
  private static final String SET_AREAS = "UPDATE group_members SET focus_area = $3, focus_secondary_area = $4 "
      + "WHERE group_id = $1 AND user_id = $2";
  private static final String SET_FIRST_GOAL =
      "UPDATE group_members SET focus_goal = $3 WHERE group_id = $1 AND user_id = $2";
  private static final String ACTIVE_GOALS = "SELECT id, text FROM member_goals "
      + "WHERE group_id = $1 AND user_id = $2 AND removed_at IS NULL ORDER BY position, id";
  private static final String INSERT_GOAL = "INSERT INTO member_goals (group_id, user_id, position, text) "
      + "VALUES ($1, $2, $3, $4) RETURNING id";
  private static final String UPDATE_GOAL = "UPDATE member_goals SET position = $2, text = $3 WHERE id = $1";
  private static final String REMOVE_GOALS = "UPDATE member_goals SET removed_at = now() WHERE id = ANY($1)";
  private static final String FOCUS = "SELECT focus_area, focus_secondary_area, focus_goal FROM group_members "
      + "WHERE group_id = $1 AND user_id = $2";
  private static final String RATINGS = "SELECT r.goal_id, r.session, r.rating, r.at FROM goal_ratings r "
      + "JOIN member_goals g ON g.id = r.goal_id WHERE g.group_id = $1 AND g.user_id = $2 AND g.removed_at IS NULL "
      + "ORDER BY r.session";
  private static final String RATE = "INSERT INTO goal_ratings (goal_id, session, rating, entered_by) "
      + "VALUES ($1, $2, $3, $4) ON CONFLICT (goal_id, session) DO UPDATE SET rating = excluded.rating, "
      + "entered_by = excluded.entered_by, at = now()";

  private FocusStore() {
  }

  static Future<Void> lockMember(SqlClient tx, long groupId, long userId) {
    return tx.preparedQuery(LOCK_MEMBER).execute(Tuple.of(groupId, userId)).mapEmpty();
  }

  static Future<Void> setAreas(SqlClient tx, long groupId, long userId, String area, String secondary) {
    return tx.preparedQuery(SET_AREAS).execute(Tuple.of(groupId, userId, area, secondary)).mapEmpty();
  }

  /** The member's current goals: id to text, in order. */
  static Future<Map<Long, String>> activeGoals(SqlClient client, long groupId, long userId) {
    return client.preparedQuery(ACTIVE_GOALS).execute(Tuple.of(groupId, userId)).map(rows -> {
      Map<Long, String> goals = new LinkedHashMap<>();
      rows.forEach(r -> goals.put(r.getLong("id"), r.getString("text")));
      return goals;
    });
  }

  /**
   * Makes the goals the member's goals in this order: a goal given by id is reworded, one whose text equals a current
   * goal keeps that goal (and its ratings), others are new; current goals left out are removed.
   */
  static Future<Void> replaceGoals(SqlClient tx, long groupId, long userId, List<FocusRequest.Goal> goals,
                                   Map<Long, String> active) {
    Map<Long, String> left = new LinkedHashMap<>(active);
    goals.forEach(g -> left.remove(g.id()));
    Future<Void> chain = Future.succeededFuture();
    for (int position = 0; position < goals.size(); position++) {
      FocusRequest.Goal goal = goals.get(position);
      Long id = goal.id() != null ? goal.id() : left.entrySet().stream()
          .filter(e -> e.getValue().equals(goal.text())).map(Map.Entry::getKey).findFirst().orElse(null);
      int at = position;
      if (id == null) {
        chain = chain.compose(v -> tx.preparedQuery(INSERT_GOAL).execute(Tuple.of(groupId, userId, at, goal.text()))
            .mapEmpty());
      } else {
        left.remove(id);
        chain = chain.compose(v -> tx.preparedQuery(UPDATE_GOAL).execute(Tuple.of(id, at, goal.text())).mapEmpty());
      }
    }
    if (!left.isEmpty()) {
      Long[] removed = left.keySet().toArray(new Long[0]);
      chain = chain.compose(v -> tx.preparedQuery(REMOVE_GOALS).execute(Tuple.tuple().addArrayOfLong(removed))
          .mapEmpty());
    }
    return chain.compose(v -> tx.preparedQuery(SET_FIRST_GOAL)
        .execute(Tuple.of(groupId, userId, goals.get(0).text())).mapEmpty());
  }

  static Future<Void> rate(SqlClient tx, List<Tuple> ratings) {
    return tx.preparedQuery(RATE).executeBatch(ratings).mapEmpty();
  }

  /** {@code {area, secondaryArea, goal, goals:[{id, text, ratings:[{session, rating, at}]}]}}. */
  static Future<JsonObject> focus(SqlClient client, long groupId, long userId) {
    return Future.all(client.preparedQuery(FOCUS).execute(Tuple.of(groupId, userId)),
        activeGoals(client, groupId, userId),
        client.preparedQuery(RATINGS).execute(Tuple.of(groupId, userId))).map(all -> {
          Row member = all.<io.vertx.sqlclient.RowSet<Row>>resultAt(0).iterator().next();
          Map<Long, String> goals = all.resultAt(1);
          Map<Long, JsonArray> ratings = new HashMap<>();
          for (Row r : all.<io.vertx.sqlclient.RowSet<Row>>resultAt(2)) {
            ratings.computeIfAbsent(r.getLong("goal_id"), id -> new JsonArray()).add(new JsonObject()
                .put("session", r.getInteger("session")).put("rating", r.getInteger("rating"))
                .put("at", r.getOffsetDateTime("at").toInstant().toString()));
          }
          List<JsonObject> list = new ArrayList<>();
          goals.forEach((id, text) -> list.add(new JsonObject().put("id", id).put("text", text)
              .put("ratings", ratings.getOrDefault(id, new JsonArray()))));
          return new JsonObject()
              .put("userId", userId)
              .put("area", member.getString("focus_area"))
              .put("secondaryArea", member.getString("focus_secondary_area"))
              .put("goal", member.getString("focus_goal"))
              .put("goals", new JsonArray(list));
        });
  }
}
