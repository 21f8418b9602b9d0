package org.holdspace.clinical;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.holdspace.protocol.Phase;
import org.holdspace.core.Refusal;

import java.util.List;

/**
 * The progress review of the termination phase, per member: PHQ-9 (and GAD-7) first against last, goal ratings
 * first against last, report-card change per relationship, attendance, and the member's relapse plan. It opens
 * when the facilitator moves the group into termination; before that it answers 409.
 */
public final class ReviewService {
  private static final String PLAN = "SELECT warning_signs, strategies, supports, updated_by, updated_at "
      + "FROM relapse_plans WHERE group_id = $1 AND user_id = $2";
  private static final String SAVE_PLAN = "INSERT INTO relapse_plans (group_id, user_id, warning_signs, strategies, "
      + "supports, updated_by) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (group_id, user_id) DO UPDATE SET "
      + "warning_signs = excluded.warning_signs, strategies = excluded.strategies, supports = excluded.supports, "
      + "updated_by = excluded.updated_by, updated_at = now()";
  private static final String OPENED = "SELECT at FROM phase_changes WHERE group_id = $1 AND phase = 'termination' "
      + "ORDER BY id DESC LIMIT 1";

  private final ClinicalAccess access;

  public ReviewService(ClinicalAccess access) {
    this.access = access;
  }

  /** {@code PUT .../relapse-plan}: the member's own words; at least one part. */
  public record RelapsePlan(String warningSigns, String strategies, String supports) {
  }

  public Future<JsonObject> review(ClinicalAccess.Target target) {
    return access.selfOrFacilitator(target).compose(s -> Courses.find(access.pool(), s.groupId()).compose(course -> {
      if (course.phase() != Phase.TERMINATION) {
        return Future.failedFuture(Refusal.conflict("review: opens when the group enters the termination phase"));
      }
      SqlClient db = access.pool();
      return access.audit(s, "review.read", null).compose(v -> Future.all(List.of(
              MeasureStore.ofMember(db, s.groupId(), s.memberId()),
              Progress.goalTrends(db, s.groupId()),
              ReportCardStore.history(db, s.groupId(), s.memberId()),
              Progress.attendance(db, s.groupId()),
              db.preparedQuery(PLAN).execute(Tuple.of(s.groupId(), s.memberId())),
              db.preparedQuery(OPENED).execute(Tuple.of(s.groupId())))))
          .map(all -> {
            List<MeasureStore.Measure> measures = all.resultAt(0);
            java.util.Map<Long, JsonArray> goals = all.resultAt(1);
            JsonObject cards = all.resultAt(2);
            Attendance attendance = all.resultAt(3);
            io.vertx.sqlclient.RowSet<Row> plan = all.resultAt(4);
            io.vertx.sqlclient.RowSet<Row> opened = all.resultAt(5);
            JsonObject review = new JsonObject()
                .put("userId", s.memberId())
                .put("phase", course.phase().wire())
                .put("openedAt", opened.iterator().next().getOffsetDateTime("at").toInstant().toString())
                .put("currentSession", course.currentSession())
                .put("phq9", Progress.measureTrend(measures, s.memberId(), Instrument.PHQ9, course))
                .put("goals", goals.getOrDefault(s.memberId(), new JsonArray()))
                .put("relationships", cards.getJsonArray("relationships"))
                .put("attendance", Progress.attendanceOf(attendance, s.memberId()))
                .put("relapsePlan", plan.size() == 0 ? null : planJson(plan.iterator().next()));
            if (course.gad7() || measures.stream().anyMatch(m -> m.instrument().equals("gad7"))) {
              review.put("gad7", Progress.measureTrend(measures, s.memberId(), Instrument.GAD7, course));
            }
            return review;
          });
    }));
  }

  public Future<JsonObject> saveRelapsePlan(ClinicalAccess.Target target, RelapsePlan plan) {
    return access.selfOrFacilitator(target).compose(s -> access.pool().withTransaction(tx -> Courses.find(tx,
            s.groupId()).compose(course -> {
              if (course.phase() != Phase.TERMINATION) {
                return Future.failedFuture(Refusal.conflict(
                    "relapse plan: written in the termination phase, with the progress review"));
              }
              return tx.preparedQuery(SAVE_PLAN).execute(Tuple.of(s.groupId(), s.memberId(), plan.warningSigns(),
                      plan.strategies(), plan.supports(), s.actor().id()))
                  .compose(r -> access.audit(tx, s, "relapse_plan.write", null));
            }))
        .compose(v -> access.pool().preparedQuery(PLAN).execute(Tuple.of(s.groupId(), s.memberId())))
        .map(rows -> planJson(rows.iterator().next()).put("userId", s.memberId())));
  }

  private static JsonObject planJson(Row r) {
    return new JsonObject()
        .put("warningSigns", r.getString("warning_signs"))
        .put("strategies", r.getString("strategies"))
        .put("supports", r.getString("supports"))
        .put("updatedBy", r.getLong("updated_by"))
        .put("updatedAt", r.getOffsetDateTime("updated_at").toInstant().toString());
  }
}
