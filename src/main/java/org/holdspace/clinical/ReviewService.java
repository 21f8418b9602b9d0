package org.holdspace.clinical;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.holdspace.core.Fields;
import org.holdspace.core.Refusal;
import org.holdspace.protocol.Phase;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The progress review of the termination phase, per member: PHQ-9 (and GAD-7) first against last, goal ratings
 * first against last, report-card change per relationship, attendance, and the member's relapse plan. It opens
 * when the facilitator moves the group into termination; before that it answers 409.
 */
public final class ReviewService {
  private static final int MAX_TEXT = 4000;

  private final Pool pool;
  private final ClinicalAccess access;
  private final CourseStore courses;
  private final Progress progress;
  private final ReportCardStore cards;
  private final RelapsePlanStore plans;

  public ReviewService(Pool pool, ClinicalAccess access, CourseStore courses, Progress progress, ReportCardStore cards,
                       RelapsePlanStore plans) {
    this.pool = pool;
    this.access = access;
    this.courses = courses;
    this.progress = progress;
    this.cards = cards;
    this.plans = plans;
  }

  /** {@code PUT .../relapse-plan}: the member's own words; at least one part. */
  public record RelapsePlan(String warningSigns, String strategies, String supports) {
    static RelapsePlan fromJson(JsonObject body) {
      RelapsePlan plan = new RelapsePlan(
          ClinicalFields.blankToNull(Fields.optionalText(body, "warningSigns", MAX_TEXT)),
          ClinicalFields.blankToNull(Fields.optionalText(body, "strategies", MAX_TEXT)),
          ClinicalFields.blankToNull(Fields.optionalText(body, "supports", MAX_TEXT)));
      if (plan.warningSigns() == null && plan.strategies() == null && plan.supports() == null) {
        throw Refusal.invalid("body: write at least one of warningSigns, strategies, supports");
      }
      return plan;
    }
  }

  public Future<JsonObject> review(ClinicalAccess.Target target) {
    return access.selfOrReader(target).compose(s -> courses.find(pool, s.groupId()).compose(course -> {
      if (course.phase() != Phase.TERMINATION) {
        return Future.failedFuture(Refusal.conflict("review: opens when the group enters the termination phase"));
      }
      return access.audit(pool, s, "review.read", null).compose(v -> Future.all(List.of(
              progress.measures(s.groupId(), s.memberId()),
              progress.goalTrends(s.groupId()),
              cards.history(pool, s.groupId(), s.memberId()),
              progress.attendance(s.groupId()),
              plans.find(pool, s.groupId(), s.memberId()),
              courses.terminationOpenedAt(pool, s.groupId()))))
          .map(all -> {
            List<MeasureStore.Measure> measures = all.resultAt(0);
            Map<Long, JsonArray> goals = all.resultAt(1);
            ReportCardHistory history = all.resultAt(2);
            Attendance attendance = all.resultAt(3);
            Optional<RelapsePlanStore.StoredPlan> plan = all.resultAt(4);
            JsonObject review = new JsonObject()
                .put("userId", s.memberId())
                .put("phase", course.phase().wire())
                .put("openedAt", all.<String>resultAt(5))
                .put("currentSession", course.currentSession())
                .put("phq9", Progress.measureTrend(measures, s.memberId(), Instrument.PHQ9, course))
                .put("goals", goals.getOrDefault(s.memberId(), new JsonArray()))
                .put("relationships", history.toJson().getJsonArray("relationships"))
                .put("attendance", Progress.attendanceOf(attendance, s.memberId()))
                .put("relapsePlan", plan.map(RelapsePlanStore.StoredPlan::toJson).orElse(null));
            if (course.gad7() || measures.stream().anyMatch(m -> m.instrument().equals("gad7"))) {
              review.put("gad7", Progress.measureTrend(measures, s.memberId(), Instrument.GAD7, course));
            }
            return review;
          });
    }));
  }

  public Future<JsonObject> saveRelapsePlan(ClinicalAccess.Target target, RelapsePlan plan) {
    return access.selfOrFacilitator(target).compose(s -> pool.withTransaction(tx -> courses.find(tx,
            s.groupId()).compose(course -> {
              if (course.phase() != Phase.TERMINATION) {
                return Future.failedFuture(Refusal.conflict(
                    "relapse plan: written in the termination phase, with the progress review"));
              }
              return plans.save(tx, s.groupId(), s.memberId(), plan.warningSigns(), plan.strategies(),
                      plan.supports(), s.actor().id())
                  .compose(r -> access.audit(tx, s, "relapse_plan.write", null));
            }))
        .compose(v -> plans.find(pool, s.groupId(), s.memberId()))
        .map(stored -> stored.orElseThrow().toJson().put("userId", s.memberId())));
  }
}
