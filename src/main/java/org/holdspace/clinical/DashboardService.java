package org.holdspace.clinical;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import org.holdspace.core.AuthUser;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The facilitator's dashboard of a group: per member, focus areas, attendance, PHQ-9 trend with its gaps, goal
 * ratings, homework status and open risk alerts. For the group's facilitators only; each read is audited.
 */
public final class DashboardService {
  private static final String MEMBERS = "SELECT u.id, u.display_name, m.focus_area, m.focus_secondary_area "
      + "FROM group_members m JOIN users u ON u.id = m.user_id WHERE m.group_id = $1 AND m.role = 'member' "
      + "ORDER BY m.enrolled_at, u.id";
  private static final String OPEN_ALERTS = "SELECT id, user_id, kind, at FROM alerts WHERE group_id = $1 "
      + "AND resolved_at IS NULL ORDER BY id";

  private final ClinicalAccess access;

  public DashboardService(ClinicalAccess access) {
    this.access = access;
  }

  public Future<JsonObject> get(AuthUser user, long groupId) {
    Pool db = access.pool();
    return access.requireFacilitator(user, groupId)
        .compose(v -> access.auditGroup(db, user, groupId, "dashboard.read", null))
        .compose(v -> Future.all(List.of(
            Courses.find(db, groupId),
            db.preparedQuery(MEMBERS).execute(Tuple.of(groupId)),
            MeasureStore.ofGroup(db, groupId),
            Progress.goalTrends(db, groupId),
            HomeworkStore.ofGroup(db, groupId),
            db.preparedQuery(OPEN_ALERTS).execute(Tuple.of(groupId)),
            Progress.attendance(db, groupId))))
        .map(all -> {
          Course course = all.resultAt(0);
          RowSet<Row> members = all.resultAt(1);
          List<MeasureStore.Measure> measures = all.resultAt(2);
          Map<Long, JsonArray> goals = all.resultAt(3);
          Map<Long, JsonObject> homework = homeworkCounts(all.resultAt(4), course);
          Map<Long, JsonArray> alerts = openAlerts(all.resultAt(5));
          Attendance attendance = all.resultAt(6);
          JsonArray rows = new JsonArray();
          for (Row m : members) {
            long id = m.getLong("id");
            JsonObject row = new JsonObject()
                .put("id", id)
                .put("displayName", m.getString("display_name"))
                .put("focusArea", m.getString("focus_area"))
                .put("secondaryArea", m.getString("focus_secondary_area"))
                .put("attendance", Progress.attendanceOf(attendance, id))
                .put("phq9", Progress.measureTrend(measures, id, Instrument.PHQ9, course))
                .put("goals", goals.getOrDefault(id, new JsonArray()))
                .put("homework", homework.getOrDefault(id, counts()))
                .put("openAlerts", alerts.getOrDefault(id, new JsonArray()));
            if (course.gad7()) {
              row.put("gad7", Progress.measureTrend(measures, id, Instrument.GAD7, course));
            }
            rows.add(row);
          }
          return course.phaseJson(groupId)
              .put("sessionStatus", course.sessionStatus())
              .put("sessionsHeld", attendance.held().size())
              .put("members", rows);
        });
  }

  private static JsonObject counts() {
    return new JsonObject().put("open", 0).put("due", 0).put("overdue", 0).put("done", 0);
  }

  private static Map<Long, JsonObject> homeworkCounts(List<HomeworkStore.Homework> homework, Course course) {
    Map<Long, JsonObject> counts = new HashMap<>();
    for (HomeworkStore.Homework h : homework) {
      JsonObject c = counts.computeIfAbsent(h.userId(), k -> counts());
      String status = course.homeworkStatus(h.dueSession(), h.done());
      c.put(status, c.getInteger(status) + 1);
    }
    return counts;
  }

  private static Map<Long, JsonArray> openAlerts(RowSet<Row> rows) {
    Map<Long, JsonArray> alerts = new HashMap<>();
    for (Row r : rows) {
      alerts.computeIfAbsent(r.getLong("user_id"), k -> new JsonArray()).add(new JsonObject()
          .put("id", r.getLong("id")).put("kind", r.getString("kind"))
          .put("at", r.getOffsetDateTime("at").toInstant().toString()));
    }
    return alerts;
  }
}
