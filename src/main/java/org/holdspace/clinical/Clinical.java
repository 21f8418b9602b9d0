package org.holdspace.clinical;

import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import org.holdspace.alert.Alerts;
import org.holdspace.audit.AuditLog;
import org.holdspace.grouplog.EventLog;
import org.holdspace.group.GroupAccess;

/**
 * IPT clinical tracking, built from the shared services: questionnaires and risk alerts, the group's clinical phase
 * and settings, the interpersonal inventory and report cards, focus areas and goals, homework, individual meetings,
 * the progress review and the facilitator dashboard. {@link #mount} adds every clinical call to the protected API.
 * See {@code docs/clinical.md}.
 */
public final class Clinical {
  private final MeasureRoutes measures;
  private final CourseRoutes course;
  private final InventoryRoutes inventory;
  private final FocusRoutes focus;
  private final HomeworkRoutes homework;
  private final MeetingRoutes meetings;
  private final ReviewRoutes review;
  private final DashboardRoutes dashboard;

  public Clinical(Pool pool, GroupAccess groupAccess, AuditLog audit, Alerts alerts, EventLog log) {
    ClinicalAccess access = new ClinicalAccess(pool, groupAccess, audit);
    this.measures = new MeasureRoutes(new MeasureService(access, alerts));
    this.course = new CourseRoutes(new CourseService(access, log));
    this.inventory = new InventoryRoutes(new InventoryService(access), new ReportCardService(access));
    this.focus = new FocusRoutes(new FocusService(access));
    this.homework = new HomeworkRoutes(new HomeworkService(access));
    this.meetings = new MeetingRoutes(new MeetingService(access));
    this.review = new ReviewRoutes(new ReviewService(access));
    this.dashboard = new DashboardRoutes(new DashboardService(access));
  }

  public void mount(Router router) {
    measures.mount(router);
    course.mount(router);
    inventory.mount(router);
    focus.mount(router);
    homework.mount(router);
    meetings.mount(router);
    review.mount(router);
    dashboard.mount(router);
  }
}
