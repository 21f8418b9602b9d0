package org.holdspace.core;

import io.vertx.core.json.JsonObject;

/** The account behind a request or a socket, as its token says. */
public record AuthUser(long id, String username, String displayName, Role role) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("username", username)
        .put("displayName", displayName)
        .put("role", role.wire());
  }
}
