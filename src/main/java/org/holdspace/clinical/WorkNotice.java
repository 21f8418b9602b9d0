package org.holdspace.clinical;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.holdspace.core.Addresses;

/**
 * Tells a member's own sockets that their work changed ({@code {"type":"my_work", groupId, what}}, {@code what}
 * being {@code focus} or {@code homework}), so the page reads it again. Names what changed, never its content.
 */
final class WorkNotice {
  private WorkNotice() {
  }

  static void changed(Vertx vertx, ClinicalAccess.Target target, String what) {
    vertx.eventBus().publish(Addresses.user(target.memberId()), new JsonObject().put("type", "my_work")
        .put("groupId", target.groupId()).put("what", what));
  }
}
