package org.holdspace.privacy;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The account-wide reads and writes of the data subject's rights: everything an account wrote or that was recorded
 * about it, for its export, and the erasure of it. Erasure reaches across the features' tables on purpose: it must
 * leave nothing behind in any of them, in one transaction.
 */
public final class PrivacyStore {
  /** The member's clinical records, by the name the export gives them; each has {@code user_id}. */
  static final Map<String, String> CLINICAL = clinical();
  private static final String ACCOUNT = "SELECT id, username, display_name, role, created_at, active FROM users "
      + "WHERE id = $1";
  private static final String MEMBERSHIPS = "SELECT coalesce(jsonb_agg(to_jsonb(m) - 'user_id' ORDER BY m.group_id), "
      + "'[]') FROM group_members m WHERE user_id = $1";
  private static final String MESSAGES = "SELECT coalesce(jsonb_agg(jsonb_build_object('groupId', group_id, "
      + "'seq', seq, 'at', at, 'text', body->'text') ORDER BY group_id, seq), '[]') FROM group_events "
      + "WHERE actor_id = $1 AND kind = 'message'";
  private static final String WHISPERS = "SELECT coalesce(jsonb_agg(to_jsonb(w) ORDER BY w.id), '[]') FROM whispers w "
      + "WHERE from_id = $1 OR to_id = $1";
  private static final String CARD_RATINGS = "SELECT coalesce(jsonb_agg(to_jsonb(r)), '[]') FROM report_card_ratings r "
      + "JOIN report_cards c ON c.id = r.card_id WHERE c.user_id = $1";
  private static final String GOAL_RATINGS = "SELECT coalesce(jsonb_agg(to_jsonb(r)), '[]') FROM goal_ratings r "
      + "JOIN member_goals g ON g.id = r.goal_id WHERE g.user_id = $1";
  private static final String SAFETY_PLAN_TABLE = "SELECT to_regclass('public.safety_plans') IS NOT NULL";

  private static final List<String> ERASE = List.of(
      "DELETE FROM report_card_ratings WHERE card_id IN (SELECT id FROM report_cards WHERE user_id = $1) "
          + "OR relationship_id IN (SELECT id FROM inventory_relationships WHERE user_id = $1)",
      "DELETE FROM report_cards WHERE user_id = $1",
      "DELETE FROM inventory_relationships WHERE user_id = $1",
      "DELETE FROM goal_ratings WHERE goal_id IN (SELECT id FROM member_goals WHERE user_id = $1)",
      "DELETE FROM member_goals WHERE user_id = $1",
      "DELETE FROM measures WHERE user_id = $1",
      "DELETE FROM homework WHERE user_id = $1",
      "DELETE FROM relapse_plans WHERE user_id = $1",
      "DELETE FROM individual_meetings WHERE user_id = $1",
      // Unsigned drafts go; signed notes are a legal record and stay.
      "DELETE FROM progress_notes WHERE user_id = $1 AND signed_at IS NULL",
      "UPDATE group_members SET focus_area = NULL, focus_goal = NULL, focus_secondary_area = NULL, end_reason = NULL, "
          + "enrol_override_reason = NULL WHERE user_id = $1",
      "UPDATE group_events SET body = (body - 'text') || '{\"erased\": true}' WHERE actor_id = $1 AND kind = 'message'",
      "UPDATE whispers SET text = '' WHERE from_id = $1",
      "UPDATE users SET active = false, display_name = 'Former member', username = 'erased-' || id, "
          + "password_hash = '' WHERE id = $1");

  private static Map<String, String> clinical() {
    Map<String, String> tables = new LinkedHashMap<>();
    tables.put("questionnaires", "measures");
    tables.put("inventory", "inventory_relationships");
    tables.put("reportCards", "report_cards");
    tables.put("goals", "member_goals");
    tables.put("homework", "homework");
    tables.put("meetings", "individual_meetings");
    tables.put("relapsePlans", "relapse_plans");
    return tables;
  }

  /** The account, or empty when there is none. */
  public Future<Optional<JsonObject>> account(SqlClient client, long userId) {
    return client.preparedQuery(ACCOUNT).execute(Tuple.of(userId)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row r = rows.iterator().next();
      return Optional.of(new JsonObject().put("id", r.getLong("id")).put("username", r.getString("username"))
          .put("displayName", r.getString("display_name")).put("role", r.getString("role"))
          .put("createdAt", r.getOffsetDateTime("created_at").toInstant().toString())
          .put("active", r.getBoolean("active")));
    });
  }

  /** Every record of the account by section: memberships, messages, whispers and each clinical table. */
  public Future<JsonObject> export(SqlClient client, long userId) {
    Map<String, String> queries = new LinkedHashMap<>();
    queries.put("memberships", MEMBERSHIPS);
    queries.put("messages", MESSAGES);
    queries.put("whispers", WHISPERS);
    CLINICAL.forEach((name, table) -> queries.put(name, "SELECT coalesce(jsonb_agg(to_jsonb(t)), '[]') "
        + "FROM " + table + " t WHERE user_id = $1"));
    queries.put("reportCardRatings", CARD_RATINGS);
    queries.put("goalRatings", GOAL_RATINGS);
    return safetyPlans(client).compose(exists -> {
      if (exists) {
        queries.put("safetyPlans", "SELECT coalesce(jsonb_agg(to_jsonb(t)), '[]') FROM safety_plans t "
            + "WHERE user_id = $1");
      }
      JsonObject out = new JsonObject();
      Future<Void> chain = Future.succeededFuture();
      for (Map.Entry<String, String> q : queries.entrySet()) {
        chain = chain.compose(v -> client.preparedQuery(q.getValue()).execute(Tuple.of(userId))
            .map(rows -> {
              out.put(q.getKey(), (JsonArray) rows.iterator().next().getValue(0));
              return null;
            }));
      }
      return chain.map(out);
    });
  }

  /** Erases the account's data within the caller's transaction (see {@link #ERASE}); answers the rows touched. */
  public Future<Long> erase(SqlClient tx, long userId) {
    return safetyPlans(tx).compose(exists -> {
      List<String> statements = new java.util.ArrayList<>(ERASE);
      if (exists) {
        statements.add(0, "DELETE FROM safety_plans WHERE user_id = $1");
      }
      long[] touched = new long[1];
      Future<Void> chain = Future.succeededFuture();
      for (String sql : statements) {
        chain = chain.compose(v -> tx.preparedQuery(sql).execute(Tuple.of(userId)).map(rows -> {
          touched[0] += rows.rowCount();
          return null;
        }));
      }
      return chain.map(v -> touched[0]);
    });
  }

  private static Future<Boolean> safetyPlans(SqlClient client) {
    return client.query(SAFETY_PLAN_TABLE).execute().map(rows -> rows.iterator().next().getBoolean(0));
  }
}
