package org.holdspace.http;

import org.holdspace.core.Refusal;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Request bodies: a JSON object or a 400. */
public final class Bodies {
  private Bodies() {
  }

  public static JsonObject object(RoutingContext ctx) {
    // A request without any body has no buffer at all (not an empty one).
    Buffer buffer = ctx.body() == null ? null : ctx.body().buffer();
    if (buffer == null || buffer.length() == 0) {
      throw Refusal.invalid("body: a JSON object is required");
    }
    Object value;
    try {
      value = buffer.toJsonValue();
    } catch (DecodeException e) {
      throw Refusal.invalid("body: not valid JSON");
    }
    if (!(value instanceof JsonObject json)) {
      throw Refusal.invalid("body: must be a JSON object");
    }
    return json;
  }
}
