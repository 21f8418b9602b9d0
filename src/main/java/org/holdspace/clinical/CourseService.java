package org.holdspace.clinical;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.holdspace.core.AuthUser;
import org.holdspace.grouplog.Change;
import org.holdspace.grouplog.EventLog;
import org.holdspace.grouplog.NewEvent;
import org.holdspace.group.GroupAccess;
import org.holdspace.protocol.Phase;
import org.holdspace.core.Refusal;

import java.util.ArrayList;
import java.util.List;

/**
 * A group's clinical course: its settings, and the phase its facilitator has moved it to. A move is checked by
 * {@link PhaseRules}, stored, audited and appended to the group log as a {@code phase_changed} event in one
 * transaction under the group's lock, so every socket sees it in order.
 */
public final class CourseService {
  private static final String WITHOUT_FOCUS = "SELECT user_id FROM group_members WHERE group_id = $1 "
      + "AND role = 'member' AND focus_area IS NULL ORDER BY user_id";
  private static final String INSERT_CHANGE = "INSERT INTO phase_changes (group_id, phase, session, actor_id, "
      + "override_reason) VALUES ($1, $2, $3, $4, $5)";
  private static final String HISTORY = "SELECT phase, session, actor_id, override_reason, at FROM phase_changes "
      + "WHERE group_id = $1 ORDER BY id";
  private static final String SAVE_SETTINGS = "INSERT INTO clinical_settings (group_id, measure_every, gad7) "
      + "VALUES ($1, coalesce($2::int, 4), coalesce($3::boolean, false)) ON CONFLICT (group_id) DO UPDATE SET "
      + "measure_every = coalesce($2::int, clinical_settings.measure_every), "
      + "gad7 = coalesce($3::boolean, clinical_settings.gad7), updated_at = now()";

  private final ClinicalAccess access;
  private final EventLog log;

  public CourseService(ClinicalAccess access, EventLog log) {
    this.access = access;
    this.log = log;
  }

  /** The course as its people see it; facilitators also see override reasons, and their read is audited. */
  public Future<JsonObject> get(AuthUser user, long groupId) {
    return access.requireParticipant(user, groupId).compose(standing -> {
      boolean facilitator = standing == GroupAccess.Standing.FACILITATOR;
      Future<Void> audited = facilitator
          ? access.auditGroup(access.pool(), user, groupId, "clinical.read", null) : Future.succeededFuture();
      return audited.compose(v -> view(groupId, facilitator));
    });
  }

  public Future<JsonObject> saveSettings(AuthUser user, long groupId, CourseRequests.Settings settings) {
    return access.requireFacilitator(user, groupId)
        .compose(v -> access.pool().withTransaction(tx -> tx.preparedQuery(SAVE_SETTINGS)
            .execute(Tuple.of(groupId, settings.measureEvery(), settings.gad7()))
            .compose(r -> access.auditGroup(tx, user, groupId, "clinical.settings", null))))
        .compose(v -> view(groupId, true));
  }

  /** Moves the group to the requested phase, or refuses with 409 and the reason. */
  public Future<JsonObject> changePhase(AuthUser user, long groupId, CourseRequests.PhaseChange request) {
    boolean[] override = new boolean[1];
    Phase[] plan = new Phase[1];
    return access.requireFacilitator(user, groupId).compose(v -> log.change(groupId, (tx, snapshot) ->
        Courses.find(tx, groupId).compose(course -> tx.preparedQuery(WITHOUT_FOCUS).execute(Tuple.of(groupId))
            .compose(rows -> {
              List<Long> withoutFocus = new ArrayList<>();
              rows.forEach(r -> withoutFocus.add(r.getLong(0)));
              PhaseRules.Decision d = PhaseRules.decide(course.phase(), request.phase(), withoutFocus,
                  request.overrideReason());
              if (!d.allowed()) {
                return Future.failedFuture(Refusal.conflict(d.reason()));
              }
              override[0] = d.override();
              plan[0] = course.planPhase();
              String phase = request.phase().wire();
              return tx.preparedQuery(INSERT_CHANGE).execute(Tuple.of(groupId, phase, course.currentSession(),
                      user.id(), d.override() ? request.overrideReason() : null))
                  .compose(r -> access.auditGroup(tx, user, groupId, "phase.change",
                      new JsonObject().put("phase", phase).put("override", d.override())))
                  .map(r -> Change.of(snapshot, NewEvent.of("phase_changed", user,
                      new JsonObject().put("phase", phase))));
            }))))
        .map(events -> new JsonObject()
            .put("phase", request.phase().wire())
            .put("planPhase", plan[0].wire())
            .put("override", override[0])
            .put("seq", events.get(0).getLong("seq")));
  }

  private Future<JsonObject> view(long groupId, boolean facilitator) {
    return Future.all(Courses.find(access.pool(), groupId),
            access.pool().preparedQuery(HISTORY).execute(Tuple.of(groupId)))
        .map(all -> {
          Course course = all.resultAt(0);
          JsonArray history = new JsonArray();
          for (Row r : all.<io.vertx.sqlclient.RowSet<Row>>resultAt(1)) {
            JsonObject change = new JsonObject()
                .put("phase", r.getString("phase"))
                .put("session", r.getInteger("session"))
                .put("by", r.getLong("actor_id"))
                .put("at", r.getOffsetDateTime("at").toInstant().toString())
                .put("override", r.getString("override_reason") != null);
            if (facilitator && r.getString("override_reason") != null) {
              change.put("overrideReason", r.getString("override_reason"));
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
