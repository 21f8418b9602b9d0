package org.holdspace.clinical;

import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import org.holdspace.alert.Alerts;
import org.holdspace.audit.AuditLog;
import org.holdspace.chat.EventLog;
import org.holdspace.group.GroupAccess;

/**
 * The IPT clinical tracking feature, built from the shared services: questionnaires, and the routes of each part.
 * {@link #mount} adds every clinical call to the protected API.
 */
public final class Clinical {
  private final MeasureRoutes measures;
  private final CourseRoutes course;
  private final InventoryRoutes inventory;
  private final FocusRoutes focus;
  private final HomeworkRoutes homework;
  private final MeetingRoutes meetings;

  public Clinical(Pool pool, GroupAccess groupAccess, AuditLog audit, Alerts alerts, EventLog log) {
    ClinicalAccess access = new ClinicalAccess(pool, groupAccess, audit);
    this.measures = new MeasureRoutes(new MeasureService(access, alerts));
    this.course = new CourseRoutes(new CourseService(access, log));
    this.inventory = new InventoryRoutes(new InventoryService(access), new ReportCardService(access));
    this.focus = new FocusRoutes(new FocusService(access));
    this.homework = new HomeworkRoutes(new HomeworkService(access));
    this.meetings = new MeetingRoutes(new MeetingService(access));
  }

  public void mount(Router router) {
    measures.mount(router);
    course.mount(router);
    inventory.mount(router);
    focus.mount(router);
    homework.mount(router);
    meetings.mount(router);
  }
}
