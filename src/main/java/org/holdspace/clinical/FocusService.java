package org.holdspace.clinical;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.holdspace.core.Refusal;

import java.util.ArrayList;
import java.util.List;

/**
 * A member's focus: one primary IPT focus area, an optional second, and one to three concrete goals, which the
 * member rates 0-10 at each session. The facilitator sets the focus (contract); the member and the facilitator
 * read it and record ratings.
 */
public final class FocusService {
  private final ClinicalAccess access;

  public FocusService(ClinicalAccess access) {
    this.access = access;
  }

  public Future<JsonObject> set(ClinicalAccess.Target target, FocusRequest request) {
    return access.facilitatorAbout(target).compose(s -> access.pool().withTransaction(tx ->
            FocusStore.lockMember(tx, s.groupId(), s.memberId())
                .compose(v -> FocusStore.setAreas(tx, s.groupId(), s.memberId(), request.area(),
                    request.secondaryArea()))
                .compose(v -> request.goals() == null ? Future.<Void>succeededFuture()
                    : FocusStore.activeGoals(tx, s.groupId(), s.memberId()).compose(active -> {
                      for (int i = 0; i < request.goals().size(); i++) {
                        Long id = request.goals().get(i).id();
                        if (id != null && !active.containsKey(id)) {
                          return Future.failedFuture(Refusal.invalid("goals[" + i
                              + "].id: not one of this member's current goals"));
                        }
                      }
                      return FocusStore.replaceGoals(tx, s.groupId(), s.memberId(), request.goals(), active);
                    }))
                .compose(v -> access.audit(tx, s, "member.focus_set", new JsonObject()
                    .put("goals", request.goals() == null ? null : request.goals().size()))))
        .compose(v -> FocusStore.focus(access.pool(), s.groupId(), s.memberId())));
  }

  public Future<JsonObject> get(ClinicalAccess.Target target) {
    return access.selfOrFacilitator(target).compose(s -> access.audit(s, "focus.read", null)
        .compose(v -> FocusStore.focus(access.pool(), s.groupId(), s.memberId())));
  }

  public Future<JsonObject> rate(ClinicalAccess.Target target, GoalRatingsRequest request) {
    return access.selfOrFacilitator(target).compose(s -> access.pool().withTransaction(tx -> Courses.find(tx,
            s.groupId()).compose(course -> {
              int session;
              try {
                session = course.checkSession(request.session(), "session");
              } catch (IllegalArgumentException e) {
                return Future.failedFuture(Refusal.invalid(e.getMessage()));
              }
              return FocusStore.activeGoals(tx, s.groupId(), s.memberId()).compose(active -> {
                List<Tuple> rows = new ArrayList<>();
                JsonArray echo = new JsonArray();
                for (int i = 0; i < request.ratings().size(); i++) {
                  GoalRatingsRequest.Rating r = request.ratings().get(i);
                  if (!active.containsKey(r.goalId())) {
                    return Future.failedFuture(Refusal.invalid("ratings[" + i
                        + "].goalId: not one of this member's current goals"));
                  }
                  rows.add(Tuple.of(r.goalId(), session, r.rating(), s.actor().id()));
                  echo.add(new JsonObject().put("goalId", r.goalId()).put("rating", r.rating()));
                }
                return FocusStore.rate(tx, rows)
                    .compose(v -> access.audit(tx, s, "goal_ratings.write", new JsonObject().put("session", session)))
                    .map(v -> new JsonObject().put("userId", s.memberId()).put("session", session)
                        .put("ratings", echo));
              });
            })));
  }
}
