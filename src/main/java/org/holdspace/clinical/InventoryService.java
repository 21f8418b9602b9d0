package org.holdspace.clinical;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.holdspace.protocol.Phase;
import org.holdspace.core.Refusal;

/**
 * The interpersonal inventory: written by the member during the initial phase, or by a facilitator with them at
 * any time; seen by that member and the group's facilitators only.
 */
public final class InventoryService {
  private final ClinicalAccess access;

  public InventoryService(ClinicalAccess access) {
    this.access = access;
  }

  public Future<JsonObject> get(ClinicalAccess.Target target) {
    return access.selfOrFacilitator(target).compose(s -> access.audit(s, "inventory.read", null)
        .compose(v -> view(s)));
  }

  public Future<JsonObject> put(ClinicalAccess.Target target, InventoryRequest request) {
    return access.selfOrFacilitator(target).compose(s -> access.pool().withTransaction(tx ->
            InventoryStore.lockMember(tx, s.groupId(), s.memberId())
                .compose(v -> Courses.find(tx, s.groupId()))
                .compose(course -> {
                  if (!s.byFacilitator() && course.phase() != Phase.INITIAL) {
                    return Future.failedFuture(Refusal.conflict("inventory: members write it in the initial phase; "
                        + "later, a facilitator updates it with you"));
                  }
                  return InventoryStore.activeIds(tx, s.groupId(), s.memberId());
                })
                .compose(active -> {
                  for (int i = 0; i < request.relationships().size(); i++) {
                    Long id = request.relationships().get(i).id();
                    if (id != null && !active.contains(id)) {
                      return Future.failedFuture(Refusal.invalid("relationships[" + i
                          + "].id: not one of this member's current relationships"));
                    }
                  }
                  return InventoryStore.replace(tx, s.groupId(), s.memberId(), request, active, s.actor().id());
                })
                .compose(v -> access.audit(tx, s, "inventory.write",
                    new JsonObject().put("relationships", request.relationships().size()))))
        .compose(v -> view(s)));
  }

  private Future<JsonObject> view(ClinicalAccess.Subject s) {
    return InventoryStore.active(access.pool(), s.groupId(), s.memberId())
        .map(list -> new JsonObject().put("userId", s.memberId()).put("relationships", new JsonArray(list)));
  }
}
