package org.holdspace.clinical;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The summaries the progress review and the dashboard share: a questionnaire's first and last scores with the
 * scheduled points and their gaps, goals' first and last ratings, and attendance from the group log. A change is
 * last minus first and is null until there are two values to compare; gaps are shown, never filled in.
 */
public final class Progress {
  private static final String GOALS = "SELECT g.user_id, g.id, g.text, r.session, r.rating FROM member_goals g "
      + "LEFT JOIN goal_ratings r ON r.goal_id = g.id WHERE g.group_id = $1 AND g.removed_at IS NULL "
      + "ORDER BY g.user_id, g.position, g.id, r.session";
  private Progress() {
  }

  /** One member's trend on one questionnaire: {@code {first, last, change, count, points:[{session, status, …}]}}. */
  static JsonObject measureTrend(List<MeasureStore.Measure> measures, long userId, Instrument instrument,
                                 Course course) {
    List<MeasureStore.Measure> mine = measures.stream()
        .filter(m -> m.userId() == userId && m.instrument().equals(instrument.wire())).toList();
    Map<Integer, MeasureStore.Measure> bySession = new HashMap<>();
    mine.forEach(m -> bySession.put(m.session(), m));
    JsonArray points = new JsonArray();
    for (int point : course.measurePoints()) {
      MeasureStore.Measure m = bySession.get(point);
      JsonObject p = new JsonObject().put("session", point)
          .put("status", MeasureSchedule.status(point, course.currentSession(), m != null).wire());
      if (m != null) {
        p.put("total", m.total()).put("severity", m.severity());
      }
      points.add(p);
    }
    MeasureStore.Measure first = mine.isEmpty() ? null : mine.get(0);
    MeasureStore.Measure last = mine.isEmpty() ? null : mine.get(mine.size() - 1);
    return new JsonObject()
        .put("first", score(first))
        .put("last", score(last))
        .put("change", mine.size() < 2 ? null : last.total() - first.total())
        .put("count", mine.size())
        .put("points", points);
  }

  private static JsonObject score(MeasureStore.Measure m) {
    return m == null ? null : new JsonObject().put("id", m.id()).put("total", m.total()).put("severity", m.severity())
        .put("session", m.session()).put("at", m.at());
  }

  /** Every member's current goals with their first and last ratings: user id to {@code [{id, text, first, …}]}. */
  static Future<Map<Long, JsonArray>> goalTrends(SqlClient client, long groupId) {
    return client.preparedQuery(GOALS).execute(Tuple.of(groupId)).map(rows -> {
      Map<Long, Map<Long, JsonObject>> byMember = new LinkedHashMap<>();
      for (Row r : rows) {
        JsonObject goal = byMember.computeIfAbsent(r.getLong("user_id"), k -> new LinkedHashMap<>())
            .computeIfAbsent(r.getLong("id"), id -> new JsonObject().put("id", id).put("text", r.getString("text"))
                .put("first", null).put("last", null).put("change", null).put("count", 0));
        if (r.getInteger("rating") == null) {
          continue;
        }
        JsonObject rating = new JsonObject().put("session", r.getInteger("session")).put("rating", r.getInteger("rating"));
        if (goal.getJsonObject("first") == null) {
          goal.put("first", rating);
        }
        goal.put("last", rating).put("count", goal.getInteger("count") + 1);
        if (goal.getInteger("count") > 1) {
          goal.put("change", rating.getInteger("rating") - goal.getJsonObject("first").getInteger("rating"));
        }
      }
      Map<Long, JsonArray> result = new HashMap<>();
      byMember.forEach((user, goals) -> result.put(user, new JsonArray(List.copyOf(goals.values()))));
      return result;
    });
  }

  /** Which sessions each member attended. */
  static Future<Attendance> attendance(SqlClient client, long groupId) {
    return org.holdspace.session.AttendanceStore.sessions(client, groupId).map(Attendance::new);
  }

  /** {@code {attended, held, sessions:[…], missed:[…]}} for one member. */
  static JsonObject attendanceOf(Attendance attendance, long userId) {
    Set<Integer> attended = attendance.of(userId);
    Set<Integer> missed = new HashSet<>(attendance.held());
    missed.removeAll(attended);
    return new JsonObject().put("attended", attended.size()).put("held", attendance.held().size())
        .put("sessions", new JsonArray(List.copyOf(attended)))
        .put("missed", new JsonArray(missed.stream().sorted().toList()));
  }
}
