package org.holdspace.clinical;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.holdspace.alert.Alerts;

/**
 * Recording and listing PHQ-9 and GAD-7. A PHQ-9 with item 9 above 0 stores a {@code phq9_item9} alert in the same
 * transaction as the questionnaire and pushes it to the facilitators' sockets once both are committed.
 */
public final class MeasureService {
  private final Pool pool;
  private final ClinicalAccess access;
  private final CourseStore courses;
  private final MeasureStore measures;
  private final Alerts alerts;

  public MeasureService(Pool pool, ClinicalAccess access, CourseStore courses, MeasureStore measures, Alerts alerts) {
    this.pool = pool;
    this.access = access;
    this.courses = courses;
    this.measures = measures;
    this.alerts = alerts;
  }

  public Future<JsonObject> record(ClinicalAccess.Target target, MeasureRequest request) {
    return access.selfOrFacilitator(target).compose(s -> courses.find(pool, s.groupId()).compose(course -> {
      int session = course.requestedSession(request.session());
      JsonObject[] alert = new JsonObject[1];
      return pool.withTransaction(tx -> measures.insert(tx, s.groupId(), s.memberId(), request, session,
              s.actor().id())
          .compose(m -> !request.raisesRiskAlert() ? Future.succeededFuture(m)
              : alerts.raise(tx, s.groupId(), s.memberId(), "phq9_item9", new JsonObject().put("measureId", m.id()))
              .map(a -> {
                alert[0] = a;
                return m;
              }))
          .compose(m -> access.audit(tx, s, "measure.write", new JsonObject().put("measureId", m.id())).map(m)))
          .onSuccess(m -> {
            if (alert[0] != null) {
              alerts.push(s.groupId(), alert[0]);
            }
          })
          .map(MeasureStore.Measure::toJson);
    }));
  }

  public Future<JsonArray> list(ClinicalAccess.Target target) {
    return access.read(target, "measures.read", s -> measures.ofMember(pool, s.groupId(), s.memberId()))
        .map(list -> new JsonArray(list.stream().map(MeasureStore.Measure::toJson).toList()));
  }
}
