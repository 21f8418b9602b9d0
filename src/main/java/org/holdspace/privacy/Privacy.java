package org.holdspace.privacy;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import org.holdspace.audit.AuditLog;
import org.holdspace.auth.SessionGate;
import org.holdspace.clinical.ClinicalAccess;
import org.holdspace.clinical.MeasureStore;
import org.holdspace.group.Enrolment;
import org.holdspace.group.GroupAccess;

/** The data subject's rights (export, FHIR, erasure), wired from the shared services. See {@code docs/clinical.md}. */
public final class Privacy {
  private final PrivacyRoutes routes;

  public Privacy(Vertx vertx, Pool pool, GroupAccess groupAccess, Enrolment enrolment, AuditLog audit,
                 SessionGate gate) {
    ClinicalAccess access = new ClinicalAccess(pool, groupAccess, enrolment, audit);
    this.routes = new PrivacyRoutes(new PrivacyService(vertx, pool, access, new MeasureStore(), new PrivacyStore(),
        audit, gate));
  }

  public void mount(Router router) {
    routes.mount(router);
  }
}
