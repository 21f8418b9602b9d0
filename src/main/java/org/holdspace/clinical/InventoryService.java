package org.holdspace.clinical;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.holdspace.core.Refusal;
import org.holdspace.group.Enrolment;
import org.holdspace.protocol.Phase;

/**
 * The interpersonal inventory: written by the member during the initial phase, or by a facilitator with them at
 * any time; seen by that member and the group's facilitators (and read by its supervisors) only.
 */
public final class InventoryService {
  private final Pool pool;
  private final ClinicalAccess access;
  private final CourseStore courses;
  private final Enrolment enrolment;
  private final InventoryStore inventory;

  public InventoryService(Pool pool, ClinicalAccess access, CourseStore courses, Enrolment enrolment,
                          InventoryStore inventory) {
    this.pool = pool;
    this.access = access;
    this.courses = courses;
    this.enrolment = enrolment;
    this.inventory = inventory;
  }

  public Future<JsonObject> get(ClinicalAccess.Target target) {
    return access.read(target, "inventory.read", this::view);
  }

  public Future<JsonObject> put(ClinicalAccess.Target target, InventoryRequest request) {
    return access.selfOrFacilitator(target).compose(s -> pool.withTransaction(tx ->
            enrolment.lock(tx, s.groupId(), s.memberId())
                .compose(v -> courses.find(tx, s.groupId()))
                .compose(course -> {
                  if (!s.byFacilitator() && course.phase() != Phase.INITIAL) {
                    return Future.failedFuture(Refusal.conflict("inventory: members write it in the initial phase; "
                        + "later, a facilitator updates it with you"));
                  }
                  return inventory.activeIds(tx, s.groupId(), s.memberId());
                })
                .compose(active -> {
                  ItemMerge.requireCurrent(request.relationships(), InventoryRequest.Relationship::id, active,
                      "relationships", "id", "relationships");
                  return inventory.replace(tx, s.groupId(), s.memberId(), ItemMerge.plan(request.relationships(),
                      InventoryRequest.Relationship::id, active), s.actor().id());
                })
                .compose(v -> access.audit(tx, s, "inventory.write",
                    new JsonObject().put("relationships", request.relationships().size()))))
        .compose(v -> view(s)));
  }

  private Future<JsonObject> view(ClinicalAccess.Subject s) {
    return inventory.active(pool, s.groupId(), s.memberId()).map(list -> new JsonObject().put("userId", s.memberId())
        .put("relationships", new JsonArray(list.stream().map(InventoryStore.Relationship::toJson).toList())));
  }
}
