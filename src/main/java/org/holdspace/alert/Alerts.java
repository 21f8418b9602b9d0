package org.holdspace.alert;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import org.holdspace.core.Addresses;

import java.util.List;

/**
 * Risk alerts for a group's facilitators: stored, then pushed at once as {@code {"type":"alert"}} to every
 * facilitator socket joined to the group on any node. Members never see them.
 */
public final class Alerts {
  private final Vertx vertx;
  private final Pool pool;
  private final AlertStore store;

  public Alerts(Vertx vertx, Pool pool, AlertStore store) {
    this.vertx = vertx;
    this.pool = pool;
    this.store = store;
  }

  /** Stores an alert about {@code userId} and pushes it to the group's facilitator sockets. */
  public Future<JsonObject> raise(long groupId, long userId, String kind, JsonObject ref) {
    return raise(pool, groupId, userId, kind, ref).onSuccess(alert -> push(groupId, alert));
  }

  /**
   * Stores an alert within the caller's transaction; the caller pushes it with {@link #push} after commit.
   */
  public Future<JsonObject> raise(SqlClient client, long groupId, long userId, String kind, JsonObject ref) {
    return store.insert(client, groupId, userId, kind, ref).map(AlertStore.Alert::raisedJson);
  }

  /** Sends a stored alert to the facilitator sockets of the group. */
  public void push(long groupId, JsonObject alert) {
    vertx.eventBus().publish(Addresses.group(groupId),
        new JsonObject().put("type", "alert").put("groupId", groupId).put("alert", alert));
  }

  /** Every alert of the group, oldest first. */
  public Future<JsonArray> list(long groupId) {
    return store.list(pool, groupId).map(list -> new JsonArray(list.stream().map(AlertStore.Alert::toJson).toList()));
  }

  /** The group's open alerts, oldest first. */
  public Future<List<AlertStore.Alert>> open(long groupId) {
    return store.open(pool, groupId);
  }
}
