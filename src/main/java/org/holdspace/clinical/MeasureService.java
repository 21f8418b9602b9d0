package org.holdspace.clinical;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import org.holdspace.alert.Alerts;

import java.util.ArrayList;
import java.util.List;

/**
 * Recording and listing questionnaires. The alerts the instrument's rules name (a PHQ-9 item 9 above 0, a C-SSRS
 * screen of moderate or high risk) and a {@code deterioration} alert when this questionnaire makes the member's
 * reliable deterioration true are stored in the same transaction as the questionnaire and pushed to the
 * facilitators' sockets once all are committed.
 */
public final class MeasureService {
  private static final String DETERIORATION = "deterioration";

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
      int session = course.questionnaireSession(request.session());
      List<JsonObject> raised = new ArrayList<>();
      return pool.withTransaction(tx -> measures.insert(tx, s.groupId(), s.memberId(), request, session,
              s.actor().id())
          .compose(m -> alertKinds(tx, s, request, m)
              .compose(kinds -> raiseAll(tx, s, kinds, m, raised)).map(m))
          .compose(m -> access.audit(tx, s, "measure.write", new JsonObject().put("measureId", m.id())).map(m)))
          .onSuccess(m -> raised.forEach(a -> alerts.push(s.groupId(), a)))
          .map(MeasureStore.Measure::toJson);
    }));
  }

  public Future<JsonArray> list(ClinicalAccess.Target target) {
    return access.read(target, "measures.read", s -> measures.ofMember(pool, s.groupId(), s.memberId()))
        .map(list -> new JsonArray(list.stream().map(MeasureStore.Measure::toJson).toList()));
  }

  /** The instrument's alerts, and {@code deterioration} when this questionnaire turns reliable deterioration true. */
  private Future<List<String>> alertKinds(SqlClient tx, ClinicalAccess.Subject s, MeasureRequest request,
                                          MeasureStore.Measure inserted) {
    List<String> kinds = new ArrayList<>(request.alerts());
    if (!request.instrument().wire().equals(Instrument.PHQ9.wire())
        && !request.instrument().wire().equals(Instrument.GAD7.wire())) {
      return Future.succeededFuture(kinds);
    }
    return measures.ofMember(tx, s.groupId(), s.memberId()).map(all -> {
      List<MeasureStore.Measure> before = all.stream().filter(m -> m.id() != inserted.id()).toList();
      boolean was = Boolean.TRUE.equals(OutcomeService.flags(before, s.memberId()).reliableDeterioration());
      boolean is = Boolean.TRUE.equals(OutcomeService.flags(all, s.memberId()).reliableDeterioration());
      if (is && !was) {
        kinds.add(DETERIORATION);
      }
      return kinds;
    });
  }

  private Future<Void> raiseAll(SqlClient tx, ClinicalAccess.Subject s, List<String> kinds,
                                MeasureStore.Measure m, List<JsonObject> raised) {
    Future<Void> chain = Future.succeededFuture();
    for (String kind : kinds) {
      chain = chain.compose(v -> alerts.raise(tx, s.groupId(), s.memberId(), kind,
          new JsonObject().put("measureId", m.id())).map(a -> {
            raised.add(a);
            return null;
          }));
    }
    return chain;
  }
}
