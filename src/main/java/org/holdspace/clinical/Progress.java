package org.holdspace.clinical;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

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
  private final Pool pool;
  private final MeasureStore measures;
  private final FocusStore goals;
  private final Attendance.Source attendance;

  public Progress(Pool pool, MeasureStore measures, FocusStore goals, Attendance.Source attendance) {
    this.pool = pool;
    this.measures = measures;
    this.goals = goals;
    this.attendance = attendance;
  }

  /** One member's questionnaires, oldest first. */
  Future<List<MeasureStore.Measure>> measures(long groupId, long userId) {
    return measures.ofMember(pool, groupId, userId);
  }

  /** Every member's questionnaires in the group, oldest first. */
  Future<List<MeasureStore.Measure>> measures(long groupId) {
    return measures.ofGroup(pool, groupId);
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
  Future<Map<Long, JsonArray>> goalTrends(long groupId) {
    return goals.groupRatings(pool, groupId).map(Progress::goalTrends);
  }

  static Map<Long, JsonArray> goalTrends(List<FocusStore.GoalRating> ratings) {
    Map<Long, Map<Long, JsonObject>> byMember = new LinkedHashMap<>();
    for (FocusStore.GoalRating r : ratings) {
      JsonObject goal = byMember.computeIfAbsent(r.userId(), k -> new LinkedHashMap<>())
          .computeIfAbsent(r.goalId(), id -> new JsonObject().put("id", id).put("text", r.text())
              .put("first", null).put("last", null).put("change", null).put("count", 0));
      if (r.rating() == null) {
        continue;
      }
      JsonObject rating = new JsonObject().put("session", r.session()).put("rating", r.rating());
      if (goal.getJsonObject("first") == null) {
        goal.put("first", rating);
      }
      goal.put("last", rating).put("count", goal.getInteger("count") + 1);
      if (goal.getInteger("count") > 1) {
        goal.put("change", rating.getInteger("rating") - goal.getJsonObject("first").getInteger("rating"));
      }
    }
    Map<Long, JsonArray> result = new HashMap<>();
    byMember.forEach((user, list) -> result.put(user, new JsonArray(List.copyOf(list.values()))));
    return result;
  }

  /** Which sessions each member attended. */
  Future<Attendance> attendance(long groupId) {
    return attendance.sessions(groupId).map(Attendance::new);
  }

  /** {@code {attended, held, sessions:[…], missed:[…]}} for one member; held counts the sessions that count for them. */
  static JsonObject attendanceOf(Attendance attendance, long userId) {
    Set<Integer> attended = attendance.of(userId);
    Set<Integer> held = attendance.heldFor(userId);
    Set<Integer> missed = new HashSet<>(held);
    missed.removeAll(attended);
    return new JsonObject().put("attended", attended.size()).put("held", held.size())
        .put("sessions", new JsonArray(List.copyOf(attended)))
        .put("missed", new JsonArray(missed.stream().sorted().toList()));
  }
}
