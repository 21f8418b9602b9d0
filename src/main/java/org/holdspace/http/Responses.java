package org.holdspace.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.holdspace.core.Refusal;

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

  /** Answers 204 once the future succeeds, or its failure as an error body. */
  public static void noContent(RoutingContext ctx, Future<Void> result) {
    result.onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
      } else if (!ctx.response().ended()) {
        ctx.response().setStatusCode(204).end();
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
    if (failure instanceof Refusal refusal) {
      refuse(ctx, statusOf(refusal.code()), refusal);
    } else if (failure == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      refuseStatus(ctx, ctx.statusCode());
    } else if (failure instanceof io.vertx.ext.web.handler.HttpException http && http.getStatusCode() >= 400
        && http.getStatusCode() < 500) {
      refuseStatus(ctx, http.getStatusCode());
    } else if (org.holdspace.db.SqlErrors.isUnavailable(failure)) {
      LOG.warn("{} {} refused: the database is unavailable ({})", ctx.request().method(), ctx.normalizedPath(),
          failure.toString());
      refuse(ctx, 503, Refusal.unavailable("the database is unavailable; try again shortly"));
    } else {
      LOG.error("{} {} failed", ctx.request().method(), ctx.normalizedPath(), failure);
      json(ctx, 500, new JsonObject().put("code", "internal"));
    }
  }

  /**
   * The HTTP status of each refusal. Refusals of the current state (a session that is not live, a muted or locked
   * room) are conflicts over HTTP, where the contract's body code for 409 is {@code conflict}.
   */
  static int statusOf(Refusal.Code code) {
    return switch (code) {
      case INVALID -> 400;
      case UNAUTHENTICATED, TOTP_REQUIRED -> 401;
      case FORBIDDEN, TOTP_SETUP_REQUIRED -> 403;
      case NOT_FOUND -> 404;
      case CONFLICT, NOT_LIVE, MUTED, LOCKED -> 409;
      case TOO_LARGE -> 413;
      case RATE_LIMITED -> 429;
      case UNAVAILABLE -> 503;
    };
  }

  private static String bodyCode(int status, Refusal.Code code) {
    return switch (status) {
      case 400 -> "bad_request";
      case 409 -> "conflict";
      default -> code.wire();
    };
  }

  private static void refuse(RoutingContext ctx, int status, Refusal refusal) {
    JsonObject body = new JsonObject().put("code", bodyCode(status, refusal.code()));
    if (refusal.getMessage() != null) {
      body.put("message", refusal.getMessage());
    }
    json(ctx, status, body);
  }

  /** The router's own refusals (no route, wrong method, body too large or not JSON). */
  private static void refuseStatus(RoutingContext ctx, int status) {
    switch (status) {
      case 401 -> refuse(ctx, 401, Refusal.unauthenticated());
      case 403 -> refuse(ctx, 403, Refusal.forbidden());
      case 404 -> refuse(ctx, 404, Refusal.notFound());
      case 405 -> json(ctx, 405, new JsonObject().put("code", "method_not_allowed")
          .put("message", "method not allowed here"));
      case 413 -> refuse(ctx, 413, Refusal.tooLarge("body too large"));
      case 415 -> refuse(ctx, 400, Refusal.invalid("body: must be JSON"));
      default -> refuse(ctx, 400, Refusal.invalid("request: not understood"));
    }
  }
}
