package org.holdspace.schedule;

import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import org.holdspace.audit.AuditLog;
import org.holdspace.core.Job;
import org.holdspace.group.GroupAccess;
import org.holdspace.group.GroupStore;
import org.holdspace.grouplog.EventLog;
import org.holdspace.mail.Mailer;

import java.util.List;

/**
 * Schedules: moving and cancelling sessions not yet held, each account's private calendar feed, and e-mail reminders
 * {@code reminderHours} before each session. See {@code docs/schedules.md}.
 */
public final class Schedules {
  private final ScheduleRoutes routes;
  private final Reminders reminders;

  /** {@code publicUrl} is the web client's address for links (empty: the request's own address, or paths only). */
  public Schedules(Pool pool, EventLog log, GroupAccess access, AuditLog audit, Mailer mailer, double reminderHours,
                   String publicUrl) {
    this.routes = new ScheduleRoutes(new PlanChanges(log, new GroupStore(), access, audit), new CalendarFeed(pool),
        publicUrl);
    this.reminders = new Reminders(pool, mailer, reminderHours, publicUrl);
  }

  /** The calls that need a sign-in. */
  public void mount(Router router) {
    routes.mount(router);
  }

  /** The feed itself: its address is its credential. */
  public void mountPublic(Router router) {
    routes.mountPublic(router);
  }

  public List<Job> jobs() {
    return List.of(reminders);
  }
}
