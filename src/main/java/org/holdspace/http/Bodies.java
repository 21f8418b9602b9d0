package org.holdspace.http;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Request bodies: a JSON object or a 400. */
public final class Bodies {
  private Bodies() {
  }

  public static JsonObject object(RoutingContext ctx) {
    // An empty request has no buffer at all (and a length of -1), not an empty one.
    if (ctx.body() == null || ctx.body().buffer() == null || ctx.body().length() <= 0) {
      throw ApiError.badRequest("body: a JSON object is required");
    }
    Object value;
    try {
      value = ctx.body().buffer().toJsonValue();
    } catch (DecodeException e) {
      throw ApiError.badRequest("body: not valid JSON");
    }
    if (!(value instanceof JsonObject json)) {
      throw ApiError.badRequest("body: must be a JSON object");
    }
    return json;
  }
}
