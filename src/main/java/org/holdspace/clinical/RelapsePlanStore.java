package org.holdspace.clinical;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.Optional;

/** Members' relapse plans ({@code relapse_plans}), one per member and group. */
public final class RelapsePlanStore {
  private static final String PLAN = "SELECT warning_signs, strategies, supports, updated_by, updated_at "
      + "FROM relapse_plans WHERE group_id = $1 AND user_id = $2";
  private static final String SAVE_PLAN = "INSERT INTO relapse_plans (group_id, user_id, warning_signs, strategies, "
      + "supports, updated_by) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (group_id, user_id) DO UPDATE SET "
      + "warning_signs = excluded.warning_signs, strategies = excluded.strategies, supports = excluded.supports, "
      + "updated_by = excluded.updated_by, updated_at = now()";

  /** A stored plan: the member's words, who wrote them last and when. */
  public record StoredPlan(String warningSigns, String strategies, String supports, long updatedBy, String updatedAt) {
    public JsonObject toJson() {
      return new JsonObject()
          .put("warningSigns", warningSigns)
          .put("strategies", strategies)
          .put("supports", supports)
          .put("updatedBy", updatedBy)
          .put("updatedAt", updatedAt);
    }
  }

  public Future<Optional<StoredPlan>> find(SqlClient client, long groupId, long userId) {
    return client.preparedQuery(PLAN).execute(Tuple.of(groupId, userId)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row r = rows.iterator().next();
      return Optional.of(new StoredPlan(r.getString("warning_signs"), r.getString("strategies"),
          r.getString("supports"), r.getLong("updated_by"), r.getOffsetDateTime("updated_at").toInstant().toString()));
    });
  }

  /** Writes the whole plan, replacing the stored one. */
  public Future<Void> save(SqlClient client, long groupId, long userId, String warningSigns, String strategies,
                           String supports, long by) {
    return client.preparedQuery(SAVE_PLAN)
        .execute(Tuple.of(groupId, userId, warningSigns, strategies, supports, by)).mapEmpty();
  }
}
