package org.holdspace.clinical;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.holdspace.group.Enrolment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A member's focus: one primary IPT focus area, an optional second, and one to three concrete goals, which the
 * member rates 0-10 at each session. The facilitator sets the focus (contract); the member and the facilitator
 * read it and record ratings.
 */
public final class FocusService {
  private final Pool pool;
  private final ClinicalAccess access;
  private final CourseStore courses;
  private final Enrolment enrolment;
  private final FocusStore goals;

  public FocusService(Pool pool, ClinicalAccess access, CourseStore courses, Enrolment enrolment, FocusStore goals) {
    this.pool = pool;
    this.access = access;
    this.courses = courses;
    this.enrolment = enrolment;
    this.goals = goals;
  }

  public Future<JsonObject> set(ClinicalAccess.Target target, FocusRequest request) {
    return access.facilitatorAbout(target).compose(s -> pool.withTransaction(tx ->
            enrolment.lock(tx, s.groupId(), s.memberId())
                .compose(v -> enrolment.setFocusAreas(tx, s.groupId(), s.memberId(), request.area(),
                    request.secondaryArea()))
                .compose(v -> request.goals() == null ? Future.<Void>succeededFuture()
                    : goals.activeGoals(tx, s.groupId(), s.memberId()).compose(active -> {
                      ItemMerge.requireCurrent(request.goals(), FocusRequest.Goal::id, active.keySet(), "goals", "id",
                          "goals");
                      ItemMerge.Plan<FocusRequest.Goal> plan = ItemMerge.plan(request.goals(), FocusRequest.Goal::id,
                          active, (goal, text) -> text.equals(goal.text()));
                      return goals.replaceGoals(tx, s.groupId(), s.memberId(), plan)
                          .compose(r -> enrolment.setFocusGoal(tx, s.groupId(), s.memberId(),
                              request.goals().get(0).text()));
                    }))
                .compose(v -> access.audit(tx, s, "member.focus_set", new JsonObject()
                    .put("goals", request.goals() == null ? null : request.goals().size()))))
        .compose(v -> focus(s)));
  }

  public Future<JsonObject> get(ClinicalAccess.Target target) {
    return access.read(target, "focus.read", this::focus);
  }

  public Future<JsonObject> rate(ClinicalAccess.Target target, GoalRatingsRequest request) {
    return access.selfOrFacilitator(target).compose(s -> pool.withTransaction(tx -> courses.find(tx, s.groupId())
        .compose(course -> {
          int session = course.requestedSession(request.session());
          return goals.activeGoals(tx, s.groupId(), s.memberId()).compose(active -> {
            ItemMerge.requireCurrent(request.ratings(), GoalRatingsRequest.Rating::goalId, active.keySet(), "ratings",
                "goalId", "goals");
            JsonArray echo = new JsonArray();
            request.ratings().forEach(r -> echo.add(new JsonObject().put("goalId", r.goalId())
                .put("rating", r.rating())));
            return goals.rate(tx, session, s.actor().id(), request.ratings())
                .compose(v -> access.audit(tx, s, "goal_ratings.write", new JsonObject().put("session", session)))
                .map(v -> new JsonObject().put("userId", s.memberId()).put("session", session).put("ratings", echo));
          });
        })));
  }

  private Future<JsonObject> focus(ClinicalAccess.Subject s) {
    return Future.all(enrolment.focus(pool, s.groupId(), s.memberId()),
        goals.activeGoals(pool, s.groupId(), s.memberId()),
        goals.ratings(pool, s.groupId(), s.memberId())).map(all -> {
          Map<Long, String> active = all.resultAt(1);
          Map<Long, List<Focus.Rating>> ratings = all.resultAt(2);
          List<Focus.Goal> list = new ArrayList<>();
          active.forEach((id, text) -> list.add(new Focus.Goal(id, text, ratings.getOrDefault(id, List.of()))));
          return new Focus(s.memberId(), all.resultAt(0), list).toJson();
        });
  }
}
