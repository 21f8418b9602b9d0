package org.holdspace.clinical;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.holdspace.alert.AlertStore;
import org.holdspace.alert.Alerts;
import org.holdspace.core.AuthUser;
import org.holdspace.group.Enrolment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The facilitator's dashboard of a group: per member, focus areas, attendance, PHQ-9 trend with its gaps, goal
 * ratings, homework status and the risk alerts not yet resolved (open or acknowledged, with their status). For the
 * group's facilitators and supervisors only; each read is audited.
 */
public final class DashboardService {
  private final Pool pool;
  private final ClinicalAccess access;
  private final CourseStore courses;
  private final Enrolment enrolment;
  private final Progress progress;
  private final HomeworkStore homework;
  private final Alerts alerts;

  public DashboardService(Pool pool, ClinicalAccess access, CourseStore courses, Enrolment enrolment,
                          Progress progress, HomeworkStore homework, Alerts alerts) {
    this.pool = pool;
    this.access = access;
    this.courses = courses;
    this.enrolment = enrolment;
    this.progress = progress;
    this.homework = homework;
    this.alerts = alerts;
  }

  public Future<JsonObject> get(AuthUser user, long groupId) {
    return access.readGroup(user, groupId, "dashboard.read", () -> Future.all(List.of(
            courses.find(pool, groupId),
            enrolment.members(pool, groupId),
            progress.measures(groupId),
            progress.goalTrends(groupId),
            homework.ofGroup(pool, groupId),
            alerts.open(groupId),
            progress.attendance(groupId))))
        .map(all -> {
          Course course = all.resultAt(0);
          List<Enrolment.Member> members = all.resultAt(1);
          List<MeasureStore.Measure> measures = all.resultAt(2);
          Map<Long, JsonArray> goals = all.resultAt(3);
          Map<Long, JsonObject> homework = homeworkCounts(all.resultAt(4), course);
          Map<Long, JsonArray> alerts = openAlerts(all.resultAt(5));
          Attendance attendance = all.resultAt(6);
          JsonArray rows = new JsonArray();
          List<JsonObject> flags = new java.util.ArrayList<>();
          for (Enrolment.Member m : members) {
            long id = m.id();
            JsonObject row = new JsonObject()
                .put("id", id)
                .put("displayName", m.displayName())
                .put("focusArea", m.focusArea())
                .put("secondaryArea", m.secondaryArea())
                .put("attendance", Progress.attendanceOf(attendance, id))
                .put("phq9", Progress.measureTrend(measures, id, Instrument.PHQ9, course))
                .put("goals", goals.getOrDefault(id, new JsonArray()))
                .put("homework", homework.getOrDefault(id, counts()))
                .put("openAlerts", alerts.getOrDefault(id, new JsonArray()))
                .put("outcomes", OutcomeService.toJson(id, OutcomeService.flags(measures, id)));
            flags.add(row.getJsonObject("outcomes"));
            if (course.gad7()) {
              row.put("gad7", Progress.measureTrend(measures, id, Instrument.GAD7, course));
            }
            rows.add(row);
          }
          return course.phaseJson(groupId)
              .put("sessionStatus", course.sessionStatus())
              .put("sessionsHeld", attendance.held().size())
              .put("members", rows)
              .put("outcomes", OutcomeService.totals(flags));
        });
  }

  private static JsonObject counts() {
    return new JsonObject().put("open", 0).put("due", 0).put("overdue", 0).put("done", 0);
  }

  private static Map<Long, JsonObject> homeworkCounts(List<HomeworkStore.Homework> items, Course course) {
    Map<Long, JsonObject> counts = new HashMap<>();
    for (HomeworkStore.Homework h : items) {
      JsonObject c = counts.computeIfAbsent(h.userId(), k -> counts());
      String status = course.homeworkStatus(h.dueSession(), h.done());
      c.put(status, c.getInteger(status) + 1);
    }
    return counts;
  }

  private static Map<Long, JsonArray> openAlerts(List<AlertStore.Alert> open) {
    Map<Long, JsonArray> alerts = new HashMap<>();
    for (AlertStore.Alert a : open) {
      JsonObject alert = a.toJson();
      alerts.computeIfAbsent(a.userId(), k -> new JsonArray()).add(new JsonObject().put("id", a.id())
          .put("kind", a.kind()).put("at", alert.getString("at")).put("status", a.status())
          .put("acknowledgedBy", a.acknowledgedBy()));
    }
    return alerts;
  }
}
