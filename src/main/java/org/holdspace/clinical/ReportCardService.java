package org.holdspace.clinical;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.holdspace.db.SqlErrors;
import org.holdspace.core.Refusal;

/** Relationship report cards: at chosen sessions the member rates inventory relationships again. */
public final class ReportCardService {
  private final ClinicalAccess access;

  public ReportCardService(ClinicalAccess access) {
    this.access = access;
  }

  public Future<JsonObject> record(ClinicalAccess.Target target, ReportCardRequest request) {
    return access.selfOrFacilitator(target).compose(s -> access.pool().withTransaction(tx -> Courses.find(tx, s.groupId())
            .compose(course -> {
              int session;
              try {
                session = course.checkSession(request.session(), "session");
              } catch (IllegalArgumentException e) {
                return Future.failedFuture(Refusal.invalid(e.getMessage()));
              }
              return InventoryStore.activeIds(tx, s.groupId(), s.memberId()).compose(active -> {
                for (int i = 0; i < request.ratings().size(); i++) {
                  if (!active.contains(request.ratings().get(i).relationshipId())) {
                    return Future.failedFuture(Refusal.invalid("ratings[" + i
                        + "].relationshipId: not one of this member's current relationships"));
                  }
                }
                return ReportCardStore.insert(tx, s.groupId(), s.memberId(), session, request, s.actor().id());
              });
            })
            .compose(card -> access.audit(tx, s, "report_card.write", new JsonObject().put("cardId", card.getLong("id")))
                .map(card)))
        .recover(failure -> Future.failedFuture(SqlErrors.isUniqueViolation(failure)
            ? Refusal.conflict("session: this member already has a report card for that session") : failure)));
  }

  public Future<JsonObject> history(ClinicalAccess.Target target) {
    return access.selfOrFacilitator(target).compose(s -> access.audit(s, "report_cards.read", null)
        .compose(v -> ReportCardStore.history(access.pool(), s.groupId(), s.memberId()))
        .map(h -> h.put("userId", s.memberId())));
  }
}
