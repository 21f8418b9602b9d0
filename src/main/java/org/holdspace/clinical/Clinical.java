package org.holdspace.clinical;

import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import org.holdspace.alert.Alerts;
import org.holdspace.audit.AuditLog;
import org.holdspace.group.Enrolment;
import org.holdspace.group.GroupAccess;
import org.holdspace.group.GroupStore;
import org.holdspace.grouplog.EventLog;
import org.holdspace.protocol.Protocols;

/**
 * IPT clinical tracking, built from the shared services: questionnaires and risk alerts, the group's clinical phase
 * and settings, the interpersonal inventory and report cards, focus areas and goals, homework, individual meetings,
 * the progress review and the facilitator dashboard. {@link #mount} adds every clinical call to the protected API.
 * See {@code docs/clinical.md}.
 */
public final class Clinical {
  private final ClinicalRoutes routes;
  private final SessionFacts sessionFacts;

  public Clinical(Pool pool, GroupAccess groupAccess, Enrolment enrolment, AuditLog audit, Alerts alerts, EventLog log,
                  Attendance.Source attendance, Protocols protocols) {
    ClinicalAccess access = new ClinicalAccess(pool, groupAccess, enrolment, audit);
    CourseStore courses = new CourseStore(protocols);
    MeasureStore measures = new MeasureStore();
    FocusStore goals = new FocusStore();
    InventoryStore inventory = new InventoryStore();
    ReportCardStore cards = new ReportCardStore();
    HomeworkStore homework = new HomeworkStore();
    Progress progress = new Progress(pool, measures, goals, attendance);
    this.sessionFacts = new SessionFacts(pool, measures, homework, attendance);
    this.routes = new ClinicalRoutes(
        new MeasureService(pool, access, courses, measures, alerts),
        new CourseService(pool, access, courses, enrolment, log),
        new InventoryService(pool, access, courses, enrolment, inventory),
        new ReportCardService(pool, access, courses, inventory, cards),
        new FocusService(pool, access, courses, enrolment, goals),
        new HomeworkService(pool, access, courses, enrolment, homework),
        new MeetingService(pool, access, new GroupStore(), new MeetingStore(), courses),
        new ReviewService(pool, access, courses, progress, cards, new RelapsePlanStore()),
        new DashboardService(pool, access, courses, enrolment, progress, homework, alerts),
        new OutcomeService(pool, access, measures));
  }

  /** What the clinical records say about a member at a session (for progress notes). */
  public SessionFacts sessionFacts() {
    return sessionFacts;
  }

  public void mount(Router router) {
    routes.mount(router);
  }
}
