package org.holdspace.alert;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.holdspace.core.Addresses;

/**
 * Sends the whole alert, at each change, as {@code {"type":"alert", groupId, alert}} on the group's address; the
 * group stream of each node writes it to facilitator and supervisor sockets only.
 */
final class AlertFeed {
  private final Vertx vertx;

  AlertFeed(Vertx vertx) {
    this.vertx = vertx;
  }

  void send(AlertStore.Alert alert) {
    send(alert.groupId(), alert.toJson());
  }

  void send(long groupId, JsonObject alert) {
    vertx.eventBus().publish(Addresses.group(groupId),
        new JsonObject().put("type", "alert").put("groupId", groupId).put("alert", alert));
  }
}
