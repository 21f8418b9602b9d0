package org.holdspace.grouplog;

import io.vertx.core.json.JsonObject;
import org.holdspace.core.AuthUser;

/** An event to append: its kind, who caused it (may be null), an idempotency key (may be null) and its fields. */
public record NewEvent(String kind, AuthUser actor, String clientId, JsonObject body) {

  public NewEvent {
    body = body == null ? new JsonObject() : body;
  }

  /** An event without idempotency key. */
  public static NewEvent of(String kind, AuthUser actor, JsonObject body) {
    return new NewEvent(kind, actor, null, body);
  }
}
