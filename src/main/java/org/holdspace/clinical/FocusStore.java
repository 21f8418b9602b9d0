package org.holdspace.clinical;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Members' goals ({@code member_goals}) with the ratings given at each session ({@code goal_ratings}). */
public final class FocusStore {
  private static final String ACTIVE_GOALS = "SELECT id, text FROM member_goals "
      + "WHERE group_id = $1 AND user_id = $2 AND removed_at IS NULL ORDER BY position, id";
  private static final String INSERT_GOAL = "INSERT INTO member_goals (group_id, user_id, position, text) "
      + "VALUES ($1, $2, $3, $4)";
  private static final String UPDATE_GOAL = "UPDATE member_goals SET position = $2, text = $3 WHERE id = $1";
  private static final String REMOVE_GOALS = "UPDATE member_goals SET removed_at = now() WHERE id = ANY($1)";
  private static final String RATINGS = "SELECT r.goal_id, r.session, r.rating, r.at FROM goal_ratings r "
      + "JOIN member_goals g ON g.id = r.goal_id WHERE g.group_id = $1 AND g.user_id = $2 AND g.removed_at IS NULL "
      + "ORDER BY r.session";
  private static final String RATE = "INSERT INTO goal_ratings (goal_id, session, rating, entered_by) "
      + "VALUES ($1, $2, $3, $4) ON CONFLICT (goal_id, session) DO UPDATE SET rating = excluded.rating, "
      + "entered_by = excluded.entered_by, at = now()";
  private static final String GROUP_RATINGS = "SELECT g.user_id, g.id, g.text, r.session, r.rating FROM member_goals g "
      + "LEFT JOIN goal_ratings r ON r.goal_id = g.id WHERE g.group_id = $1 AND g.removed_at IS NULL "
      + "ORDER BY g.user_id, g.position, g.id, r.session";

  /** A current goal of a member in the group, with one of its ratings (session and rating null when unrated). */
  public record GoalRating(long userId, long goalId, String text, Integer session, Integer rating) {
  }

  /** The member's current goals: id to text, in order. */
  public Future<Map<Long, String>> activeGoals(SqlClient client, long groupId, long userId) {
    return client.preparedQuery(ACTIVE_GOALS).execute(Tuple.of(groupId, userId)).map(rows -> {
      Map<Long, String> goals = new LinkedHashMap<>();
      rows.forEach(r -> goals.put(r.getLong("id"), r.getString("text")));
      return goals;
    });
  }

  /** Makes the planned goals the member's goals, in their order. */
  public Future<Void> replaceGoals(SqlClient tx, long groupId, long userId, ItemMerge.Plan<FocusRequest.Goal> plan) {
    return plan.apply(
        removed -> tx.preparedQuery(REMOVE_GOALS).execute(Tuple.tuple().addArrayOfLong(removed)),
        kept -> tx.preparedQuery(UPDATE_GOAL).executeBatch(kept.stream()
            .map(s -> Tuple.of(s.id(), s.position(), s.item().text())).toList()),
        added -> tx.preparedQuery(INSERT_GOAL).executeBatch(added.stream()
            .map(s -> Tuple.of(groupId, userId, s.position(), s.item().text())).toList()));
  }

  /** Stores the ratings of one session, replacing earlier ones of that session. */
  public Future<Void> rate(SqlClient tx, int session, long enteredBy, List<GoalRatingsRequest.Rating> ratings) {
    return tx.preparedQuery(RATE).executeBatch(ratings.stream()
        .map(r -> Tuple.of(r.goalId(), session, r.rating(), enteredBy)).toList()).mapEmpty();
  }

  /** The ratings of the member's current goals, per goal in session order. */
  public Future<Map<Long, List<Focus.Rating>>> ratings(SqlClient client, long groupId, long userId) {
    return client.preparedQuery(RATINGS).execute(Tuple.of(groupId, userId)).map(rows -> {
      Map<Long, List<Focus.Rating>> ratings = new HashMap<>();
      for (Row r : rows) {
        ratings.computeIfAbsent(r.getLong("goal_id"), id -> new ArrayList<>()).add(new Focus.Rating(
            r.getInteger("session"), r.getInteger("rating"), r.getOffsetDateTime("at").toInstant().toString()));
      }
      return ratings;
    });
  }

  /** Every member's current goals with their ratings: by member, goal order, then session. */
  public Future<List<GoalRating>> groupRatings(SqlClient client, long groupId) {
    return client.preparedQuery(GROUP_RATINGS).execute(Tuple.of(groupId)).map(rows -> {
      List<GoalRating> list = new ArrayList<>(rows.size());
      rows.forEach(r -> list.add(new GoalRating(r.getLong("user_id"), r.getLong("id"), r.getString("text"),
          r.getInteger("session"), r.getInteger("rating"))));
      return list;
    });
  }
}
