package org.holdspace.alert;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.holdspace.audit.AuditLog;
import org.holdspace.core.AuthUser;
import org.holdspace.core.Fields;
import org.holdspace.core.Refusal;
import org.holdspace.group.Enrolment;
import org.holdspace.group.GroupAccess;

import java.util.List;

/**
 * A member's Stanley-Brown safety plan: six short lists (warning signs, coping strategies, distractions, people to
 * ask, professionals, a safe environment), read and written by the member and the group's facilitators. A
 * facilitator's read or write is audited, without the plan's text.
 */
public final class SafetyPlans {
  /** The six parts of the plan, in the order of the Stanley-Brown form. */
  public static final List<String> PARTS = List.of("warningSigns", "copingStrategies", "distractions", "peopleToAsk",
      "professionals", "safeEnvironment");
  private static final int MAX_ITEMS = 10;
  private static final int MAX_ITEM = 500;
  private static final String FIND =
      "SELECT plan, updated_at, updated_by FROM safety_plans WHERE group_id = $1 AND user_id = $2";
  private static final String UPSERT = "INSERT INTO safety_plans (group_id, user_id, plan, updated_by) "
      + "VALUES ($1, $2, $3, $4) ON CONFLICT (group_id, user_id) DO UPDATE SET plan = $3, updated_by = $4, "
      + "updated_at = now() RETURNING plan, updated_at, updated_by";

  private final Pool pool;
  private final GroupAccess access;
  private final Enrolment enrolment;
  private final AuditLog audit;

  public SafetyPlans(Pool pool, GroupAccess access, Enrolment enrolment, AuditLog audit) {
    this.pool = pool;
    this.access = access;
    this.enrolment = enrolment;
    this.audit = audit;
  }

  public Future<JsonObject> get(AuthUser user, long groupId, long memberId) {
    return allowed(access.requireSelfOrReader(user, groupId, memberId), user, groupId, memberId, "safety_plan.read")
        .compose(v -> pool.preparedQuery(FIND).execute(Tuple.of(groupId, memberId)))
        .map(rows -> rows.size() == 0 ? empty(groupId, memberId) : plan(groupId, memberId, rows.iterator().next()));
  }

  /** Replaces the plan; {@code body} is validated before anything is looked up. */
  public Future<JsonObject> put(AuthUser user, long groupId, long memberId, JsonObject body) {
    JsonObject plan = validate(body);
    return allowed(access.requireSelfOrFacilitator(user, groupId, memberId), user, groupId, memberId,
        "safety_plan.write")
        .compose(v -> pool.preparedQuery(UPSERT).execute(Tuple.of(groupId, memberId, plan, user.id())))
        .map(rows -> plan(groupId, memberId, rows.iterator().next()));
  }

  /** The member's own acts are not audited; a facilitator's or supervisor's are. */
  private Future<Void> allowed(Future<GroupAccess.Standing> standingOf, AuthUser user, long groupId, long memberId,
                               String action) {
    return standingOf.compose(standing ->
        enrolment.isMember(pool, groupId, memberId).compose(member -> {
          if (!member) {
            return Future.failedFuture(Refusal.notFound("userId: not a member of this group"));
          }
          return standing.reader()
              ? audit(pool, user, action, groupId, memberId)
              : Future.succeededFuture();
        }));
  }

  private Future<Void> audit(SqlClient client, AuthUser user, String action, long groupId, long memberId) {
    return audit.record(client, user.id(), action, groupId, memberId, null);
  }

  static JsonObject validate(JsonObject body) {
    for (String field : body.fieldNames()) {
      if (!PARTS.contains(field)) {
        throw Refusal.invalid(field + ": unknown part of the plan (" + String.join(", ", PARTS) + ")");
      }
    }
    JsonObject plan = new JsonObject();
    for (String part : PARTS) {
      JsonArray items = body.getValue(part) == null ? new JsonArray() : Fields.array(body, part, MAX_ITEMS);
      JsonArray clean = new JsonArray();
      for (int i = 0; i < items.size(); i++) {
        Object item = items.getValue(i);
        String at = part + "[" + i + "]";
        if (!(item instanceof String s)) {
          throw Refusal.invalid(at + ": must be a string");
        }
        if (s.length() > MAX_ITEM) {
          throw Refusal.invalid(at + ": must have at most " + MAX_ITEM + " characters");
        }
        if (!Fields.storable(s)) {
          throw Refusal.invalid(at + ": " + Fields.NOT_STORABLE);
        }
        if (!s.isBlank()) {
          clean.add(s.strip());
        }
      }
      plan.put(part, clean);
    }
    return plan;
  }

  private static JsonObject empty(long groupId, long memberId) {
    JsonObject plan = new JsonObject().put("groupId", groupId).put("userId", memberId);
    PARTS.forEach(p -> plan.put(p, new JsonArray()));
    return plan.put("updatedAt", null).put("updatedBy", null);
  }

  private static JsonObject plan(long groupId, long memberId, Row r) {
    JsonObject stored = (JsonObject) r.getValue("plan");
    JsonObject plan = new JsonObject().put("groupId", groupId).put("userId", memberId);
    PARTS.forEach(p -> plan.put(p, stored.getJsonArray(p, new JsonArray())));
    return plan.put("updatedAt", r.getOffsetDateTime("updated_at").toInstant().toString())
        .put("updatedBy", r.getLong("updated_by"));
  }
}
