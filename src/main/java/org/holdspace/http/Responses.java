package org.holdspace.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writing JSON answers and turning failures into the contract's error bodies: the one place errors become responses. */
public final class Responses {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Responses.class);

  private Responses() {
  }

  public static void json(RoutingContext ctx, int status, Object body) {
    if (ctx.response().ended()) {
      return;
    }
    String encoded = body instanceof JsonObject o ? o.encode() : io.vertx.core.json.Json.encode(body);
    ctx.response()
        .setStatusCode(status)
        .putHeader("content-type", "application/json; charset=utf-8")
        .end(encoded);
  }

  /** Sends the future's value with the status, or its failure as an error body. */
  public static <T> void reply(RoutingContext ctx, int status, Future<T> result) {
    result.onComplete(ar -> {
      if (ar.succeeded()) {
        json(ctx, status, ar.result());
      } else {
        ctx.fail(ar.cause());
      }
    });
  }

  /**
   * Refuses a request whose query string is not valid percent-encoding before any route reads it (the router's
   * own matching would throw and answer outside the contract).
   */
  public static void queryMustDecode(RoutingContext ctx) {
    try {
      ctx.request().params();
    } catch (IllegalArgumentException e) {
      json(ctx, 400, new JsonObject().put("code", "bad_request").put("message", "query: not valid percent-encoding"));
      return;
    }
    ctx.next();
  }

  /** The router's failure handler. */
  public static void failure(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    ApiError error;
    if (failure instanceof ApiError api) {
      error = api;
    } else if (failure == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      error = forStatus(ctx.statusCode());
    } else if (failure instanceof io.vertx.ext.web.handler.HttpException http && http.getStatusCode() >= 400
        && http.getStatusCode() < 500) {
      error = forStatus(http.getStatusCode());
    } else if (org.holdspace.db.SqlErrors.isUnavailable(failure)) {
      LOG.warn("{} {} refused: the database is unavailable ({})", ctx.request().method(), ctx.normalizedPath(),
          failure.toString());
      error = new ApiError(503, "unavailable", "the database is unavailable; try again shortly");
    } else {
      LOG.error("{} {} failed", ctx.request().method(), ctx.normalizedPath(), failure);
      error = new ApiError(500, "internal", "the server could not complete the request");
    }
    JsonObject body = new JsonObject().put("code", error.code());
    if (error.getMessage() != null && error.status() != 500) {
      body.put("message", error.getMessage());
    }
    json(ctx, error.status(), body);
  }

  private static ApiError forStatus(int status) {
    return switch (status) {
      case 401 -> ApiError.unauthenticated();
      case 403 -> ApiError.forbidden();
      case 404 -> ApiError.notFound();
      case 405 -> new ApiError(405, "method_not_allowed", "method not allowed here");
      case 413 -> new ApiError(413, "too_large", "body too large");
      case 415 -> ApiError.badRequest("body: must be JSON");
      default -> ApiError.badRequest("request: not understood");
    };
  }
}
