package org.holdspace.clinical;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.holdspace.core.AuthUser;
import org.holdspace.grouplog.Change;
import org.holdspace.grouplog.EventLog;
import org.holdspace.grouplog.NewEvent;
import org.holdspace.group.Enrolment;
import org.holdspace.group.GroupAccess;
import org.holdspace.core.Refusal;
import org.holdspace.protocol.Phase;

import java.util.List;

/**
 * A group's clinical course: its settings, and the phase its facilitator has moved it to. A move is checked by
 * {@link PhaseRules}, stored, audited and appended to the group log as a {@code phase_changed} event in one
 * transaction under the group's lock, so every socket sees it in order.
 */
public final class CourseService {
  private final Pool pool;
  private final ClinicalAccess access;
  private final CourseStore courses;
  private final Enrolment enrolment;
  private final EventLog log;

  public CourseService(Pool pool, ClinicalAccess access, CourseStore courses, Enrolment enrolment, EventLog log) {
    this.pool = pool;
    this.access = access;
    this.courses = courses;
    this.enrolment = enrolment;
    this.log = log;
  }

  /** The course as its people see it; facilitators and supervisors also see override reasons, their read audited. */
  public Future<JsonObject> get(AuthUser user, long groupId) {
    return access.requireViewer(user, groupId).compose(standing -> {
      boolean facilitator = standing.reader();
      Future<Void> audited = facilitator
          ? access.auditGroup(pool, user, groupId, "clinical.read", null) : Future.succeededFuture();
      return audited.compose(v -> view(groupId, facilitator));
    });
  }

  public Future<JsonObject> saveSettings(AuthUser user, long groupId, CourseRequests.Settings settings) {
    return access.requireFacilitator(user, groupId)
        .compose(v -> pool.withTransaction(tx -> courses.find(tx, groupId)
            .compose(course -> courses.saveSettings(tx, course, settings.measureEvery(), settings.gad7()))
            .compose(r -> access.auditGroup(tx, user, groupId, "clinical.settings", null))))
        .compose(v -> view(groupId, true));
  }

  /**
   * Moves the group to the requested phase, or refuses with 409 and the reason. The group's row holds the clinical
   * phase the log's snapshots carry; the move's history row and event are written with it.
   */
  public Future<JsonObject> changePhase(AuthUser user, long groupId, CourseRequests.PhaseChange request) {
    boolean[] override = new boolean[1];
    Course[] moved = new Course[1];
    return access.requireFacilitator(user, groupId).compose(v -> log.change(groupId, (tx, snapshot) ->
        courses.find(tx, groupId).compose(course -> enrolment.membersWithoutFocus(tx, groupId)
            .compose(withoutFocus -> {
              PhaseRules.Decision d = PhaseRules.decide(course.phase(), request.phase(), withoutFocus,
                  request.overrideReason(), new PhaseRules.Timing(course.upcomingSession(),
                      course.plan().terminationFrom(), course.planPhase() == Phase.TERMINATION));
              if (!d.allowed()) {
                return Future.failedFuture(Refusal.conflict(d.reason()));
              }
              override[0] = d.override();
              moved[0] = new Course(groupId, course.protocol(), course.plan(), course.currentSession(),
                  course.sessionStatus(), request.phase(), course.measureEvery(), course.gad7());
              String phase = request.phase().wire();
              return courses.insertChange(tx, groupId, phase, course.currentSession(), user.id(),
                      d.override() ? request.overrideReason() : null)
                  .compose(r -> access.auditGroup(tx, user, groupId, "phase.change",
                      new JsonObject().put("phase", phase).put("override", d.override())))
                  .map(r -> Change.of(snapshot.inPhase(request.phase()), NewEvent.of("phase_changed", user,
                      new JsonObject().put("phase", phase).put("planPhase", snapshot.planPhase().wire()))));
            }))))
        .map(events -> moved[0].phaseJson(groupId)
            .put("override", override[0])
            .put("seq", events.get(0).getLong("seq")));
  }

  private Future<JsonObject> view(long groupId, boolean facilitator) {
    return Future.all(courses.find(pool, groupId), courses.history(pool, groupId)).map(all -> {
      Course course = all.resultAt(0);
      JsonArray history = new JsonArray();
      for (CourseStore.PhaseChange c : all.<List<CourseStore.PhaseChange>>resultAt(1)) {
        JsonObject change = new JsonObject()
            .put("phase", c.phase())
            .put("session", c.session())
            .put("by", c.by())
            .put("at", c.at())
            .put("override", c.overrideReason() != null);
        if (facilitator && c.overrideReason() != null) {
          change.put("overrideReason", c.overrideReason());
        }
        history.add(change);
      }
      return course.phaseJson(groupId)
          .put("measureEvery", course.measureEvery())
          .put("gad7", course.gad7())
          .put("measurePoints", new JsonArray(course.measurePoints()))
          .put("phaseHistory", history);
    });
  }
}
