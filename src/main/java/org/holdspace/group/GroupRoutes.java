package org.holdspace.group;

import org.holdspace.protocol.Protocols;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.holdspace.auth.AuthHandler;
import org.holdspace.core.AuthUser;
import org.holdspace.core.Role;
import org.holdspace.core.Refusal;
import org.holdspace.http.Bodies;
import org.holdspace.core.Fields;
import org.holdspace.http.Responses;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The group calls of the contract, plus {@code GET /api/groups} for the signed-in account's own groups. A member's
 * focus ({@code PUT .../members/{userId}/focus}) is clinical data and lives in {@code org.holdspace.clinical}.
 */
public final class GroupRoutes {
  private static final int MAX_RETENTION_DAYS = 36_500;
  private static final int MAX_REASON = 1000;
  private final GroupService groups;
  private final Dropouts dropouts;
  private final Protocols protocols;

  public GroupRoutes(GroupService groups, Dropouts dropouts, Protocols protocols) {
    this.groups = groups;
    this.dropouts = dropouts;
    this.protocols = protocols;
  }

  public void mount(Router router) {
    router.get("/api/groups").handler(this::mine);
    router.post("/api/groups").handler(this::create);
    router.get("/api/groups/:id").handler(this::get);
    router.post("/api/groups/:id/members").handler(this::enrol);
    router.delete("/api/groups/:id/members/:userId").handler(this::endParticipation);
    router.put("/api/groups/:id/retention").handler(this::retention);
  }

  /** Days after the course ends before its chat text is purged: 0 to 36500, or null to keep it. */
  private static Integer retentionDays(JsonObject body) {
    return Fields.optionalInt(body, "retentionDays", 0, MAX_RETENTION_DAYS);
  }

  private void retention(RoutingContext ctx) {
    AuthUser user = AuthHandler.user(ctx);
    long groupId = Fields.pathId(ctx.pathParam("id"));
    JsonObject body = Bodies.object(ctx);
    if (!body.containsKey("retentionDays")) {
      throw Refusal.invalid("retentionDays: required (a number of days, or null to keep the text)");
    }
    Responses.reply(ctx, 200, groups.setRetention(user, groupId, retentionDays(body)));
  }

  private void mine(RoutingContext ctx) {
    Responses.reply(ctx, 200, groups.mine(AuthHandler.user(ctx)));
  }

  private void create(RoutingContext ctx) {
    AuthUser user = AuthHandler.require(ctx, Role.FACILITATOR);
    JsonObject body = Bodies.object(ctx);
    String name = Fields.text(body, "name", 1, 120).strip();
    String protocolId = Fields.text(body, "protocol", 1, 100);
    int sessionCount = Fields.integer(body, "sessionCount", 1, 1000);
    Instant requestedFirst = Fields.optionalInstant(body, "firstSessionAt");
    Instant first = requestedFirst != null ? requestedFirst
        : Instant.now().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
    Integer duration = Fields.optionalInt(body, "durationMinutes", 15, 240);
    Integer retention = retentionDays(body);
    Responses.reply(ctx, 201, protocols.requested(protocolId, "protocol").compose(protocol -> {
      if (!protocol.allows(sessionCount)) {
        throw Refusal.invalid(protocol.lengthRule());
      }
      return groups.create(user, new GroupService.NewGroup(name, protocol, sessionCount, first,
          duration == null ? 90 : duration));
    }).compose(group -> retention == null
        ? io.vertx.core.Future.succeededFuture(group)
        : groups.setRetention(user, group.getLong("id"), retention).map(r -> group.put("retentionDays", retention))));
  }

  private void get(RoutingContext ctx) {
    Responses.reply(ctx, 200, groups.get(AuthHandler.user(ctx), Fields.pathId(ctx.pathParam("id"))));
  }

  private void enrol(RoutingContext ctx) {
    AuthUser user = AuthHandler.user(ctx);
    long groupId = Fields.pathId(ctx.pathParam("id"));
    JsonObject body = Bodies.object(ctx);
    long userId = Fields.id(body, "userId");
    Responses.reply(ctx, 201, groups.enrol(user, groupId, userId, reason(body, "overrideReason", false))
        .map(v -> new JsonObject().put("groupId", groupId).put("userId", userId)));
  }

  private void endParticipation(RoutingContext ctx) {
    AuthUser user = AuthHandler.user(ctx);
    long groupId = Fields.pathId(ctx.pathParam("id"));
    long userId = Fields.pathId(ctx.pathParam("userId"));
    String reason = reason(Bodies.object(ctx), "reason", true);
    Responses.reply(ctx, 200, dropouts.end(user, groupId, userId, reason));
  }

  /** A facilitator's reason: stripped, at most {@value #MAX_REASON} characters; blank counts as absent. */
  private static String reason(JsonObject body, String field, boolean required) {
    String reason = Fields.optionalText(body, field, MAX_REASON);
    if (reason == null || reason.isBlank()) {
      if (required) {
        throw Refusal.invalid(field + ": required (why the member's participation ends)");
      }
      return null;
    }
    return reason.strip();
  }
}
