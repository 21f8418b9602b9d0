package org.holdspace.group;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import org.holdspace.auth.AuthHandler;
import org.holdspace.core.AuthUser;
import org.holdspace.core.Refusal;
import org.holdspace.core.Role;
import org.holdspace.http.Query;
import org.holdspace.http.Responses;

import java.util.Locale;

/**
 * Who may be enrolled: a facilitator finds and enrols only active members who are in no group yet or in one of the
 * facilitator's own groups; an admin, any active member. Every other id answers the same 404 as an unknown one.
 */
public final class Candidates {
  /** The one answer for every id that cannot be enrolled, so that none of them can be told apart. */
  static final String NOT_ENROLLABLE = "userId: no such account";

  private final Pool pool;
  private final Enrolment enrolment;

  public Candidates(Pool pool, Enrolment enrolment) {
    this.pool = pool;
    this.enrolment = enrolment;
  }

  public void mount(Router router) {
    router.get("/api/users/candidates").handler(this::list);
  }

  /** Succeeds when the caller may enrol the account; 404 {@link #NOT_ENROLLABLE} otherwise. */
  Future<Void> requireEnrollable(AuthUser caller, long userId) {
    return enrolment.candidates(pool, scope(caller), null, userId, 1, 0).map(found -> {
      if (found.page().isEmpty()) {
        throw Refusal.notFound(NOT_ENROLLABLE);
      }
      return null;
    });
  }

  private void list(RoutingContext ctx) {
    AuthUser caller = AuthHandler.user(ctx);
    if (caller.role() != Role.FACILITATOR && caller.role() != Role.ADMIN) {
      throw Refusal.forbidden();
    }
    String query = ctx.request().getParam("query");
    if (query != null && query.length() > 100) {
      throw Refusal.invalid("query: at most 100 characters");
    }
    int limit = (int) Query.number(ctx, "limit", 20, 1, 100);
    int offset = (int) Query.number(ctx, "offset", 0, 0, 1_000_000);
    Responses.reply(ctx, 200, enrolment.candidates(pool, scope(caller), pattern(query), null, limit, offset)
        .map(found -> new JsonObject().put("users",
            new JsonArray(found.page().stream().map(Enrolment.Candidate::toJson).toList())).put("total", found.total())));
  }

  private static Long scope(AuthUser caller) {
    return caller.role() == Role.ADMIN ? null : caller.id();
  }

  private static String pattern(String query) {
    if (query == null || query.isBlank()) {
      return null;
    }
    String escaped = query.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
        .replace("_", "\\_");
    return "%" + escaped + "%";
  }
}
