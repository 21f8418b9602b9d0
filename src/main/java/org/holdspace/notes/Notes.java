package org.holdspace.notes;

import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import org.holdspace.audit.AuditLog;
import org.holdspace.clinical.ClinicalAccess;
import org.holdspace.clinical.SessionFacts;
import org.holdspace.group.Enrolment;
import org.holdspace.group.GroupAccess;
import org.holdspace.grouplog.EventLog;

/**
 * Clinical documentation of sessions: facilitators' progress notes about each member (draft, sign, addenda) and the
 * summaries published to the group. {@link #mount} adds their calls to the protected API. See {@code docs/clinical.md}.
 */
public final class Notes {
  private final NoteRoutes routes;

  public Notes(Pool pool, GroupAccess groupAccess, Enrolment enrolment, AuditLog audit, EventLog log,
               SessionFacts facts) {
    ClinicalAccess access = new ClinicalAccess(pool, groupAccess, enrolment, audit);
    this.routes = new NoteRoutes(new NoteService(pool, access, new NoteStore(), facts),
        new SummaryService(pool, groupAccess, log, audit));
  }

  public void mount(Router router) {
    routes.mount(router);
  }
}
