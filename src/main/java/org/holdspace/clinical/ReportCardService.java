package org.holdspace.clinical;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.holdspace.core.Refusal;
import org.holdspace.db.SqlErrors;

/** Relationship report cards: at chosen sessions the member rates inventory relationships again. */
public final class ReportCardService {
  private final Pool pool;
  private final ClinicalAccess access;
  private final CourseStore courses;
  private final InventoryStore inventory;
  private final ReportCardStore cards;

  public ReportCardService(Pool pool, ClinicalAccess access, CourseStore courses, InventoryStore inventory,
                           ReportCardStore cards) {
    this.pool = pool;
    this.access = access;
    this.courses = courses;
    this.inventory = inventory;
    this.cards = cards;
  }

  public Future<JsonObject> record(ClinicalAccess.Target target, ReportCardRequest request) {
    return access.selfOrFacilitator(target).compose(s -> pool.withTransaction(tx -> courses.find(tx, s.groupId())
            .compose(course -> {
              int session = course.requestedSession(request.session());
              return inventory.activeIds(tx, s.groupId(), s.memberId()).compose(active -> {
                ItemMerge.requireCurrent(request.ratings(), ReportCardRequest.Rating::relationshipId, active,
                    "ratings", "relationshipId", "relationships");
                return cards.insert(tx, s.groupId(), s.memberId(), session, request, s.actor().id());
              });
            })
            .compose(card -> access.audit(tx, s, "report_card.write", new JsonObject().put("cardId", card.id()))
                .map(card.toJson())))
        .recover(failure -> Future.failedFuture(SqlErrors.isUniqueViolation(failure)
            ? Refusal.conflict("session: this member already has a report card for that session") : failure)));
  }

  public Future<JsonObject> history(ClinicalAccess.Target target) {
    return access.read(target, "report_cards.read", s -> cards.history(pool, s.groupId(), s.memberId())
        .map(h -> h.toJson().put("userId", s.memberId())));
  }
}
