package org.holdspace.clinical;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The stored interpersonal inventories ({@code inventory_relationships}). */
public final class InventoryStore {
  private static final String ACTIVE_IDS = "SELECT id FROM inventory_relationships "
      + "WHERE group_id = $1 AND user_id = $2 AND removed_at IS NULL";
  private static final String INSERT = "INSERT INTO inventory_relationships (group_id, user_id, position, label, kind, "
      + "closeness, satisfaction, initial_closeness, initial_satisfaction, area, works, not_works, notes, updated_by) "
      + "VALUES ($1, $2, $3, $4, $5, $6, $7, $6, $7, $8, $9, $10, $11, $12)";
  private static final String UPDATE = "UPDATE inventory_relationships SET position = $3, label = $4, kind = $5, "
      + "closeness = $6, satisfaction = $7, area = $8, works = $9, not_works = $10, notes = $11, updated_by = $12, "
      + "updated_at = now() WHERE id = $13 AND group_id = $1 AND user_id = $2";
  private static final String REMOVE = "UPDATE inventory_relationships SET removed_at = now() "
      + "WHERE group_id = $1 AND user_id = $2 AND id = ANY($3)";
  private static final String ACTIVE = "SELECT id, label, kind, closeness, satisfaction, area, works, not_works, notes, "
      + "updated_at, updated_by FROM inventory_relationships WHERE group_id = $1 AND user_id = $2 AND removed_at IS NULL "
      + "ORDER BY position, id";

  /** One current relationship of a member's inventory. */
  public record Relationship(long id, String label, String kind, int closeness, int satisfaction, String area,
                             String works, String doesNotWork, String notes, String updatedAt, long updatedBy) {
    public JsonObject toJson() {
      return new JsonObject()
          .put("id", id)
          .put("label", label)
          .put("kind", kind)
          .put("closeness", closeness)
          .put("satisfaction", satisfaction)
          .put("area", area)
          .put("works", works)
          .put("doesNotWork", doesNotWork)
          .put("notes", notes)
          .put("updatedAt", updatedAt)
          .put("updatedBy", updatedBy);
    }
  }

  public Future<Set<Long>> activeIds(SqlClient client, long groupId, long userId) {
    return client.preparedQuery(ACTIVE_IDS).execute(Tuple.of(groupId, userId)).map(rows -> {
      Set<Long> ids = new LinkedHashSet<>();
      rows.forEach(r -> ids.add(r.getLong(0)));
      return ids;
    });
  }

  /** Makes the planned relationships the member's inventory, in their order, written by {@code writer}. */
  public Future<Void> replace(SqlClient tx, long groupId, long userId, ItemMerge.Plan<InventoryRequest.Relationship> plan,
                              long writer) {
    return plan.apply(
        removed -> tx.preparedQuery(REMOVE).execute(Tuple.tuple().addLong(groupId).addLong(userId)
            .addArrayOfLong(removed)),
        kept -> tx.preparedQuery(UPDATE).executeBatch(kept.stream()
            .map(s -> values(groupId, userId, s, writer).addLong(s.id())).toList()),
        added -> tx.preparedQuery(INSERT).executeBatch(added.stream()
            .map(s -> values(groupId, userId, s, writer)).toList()));
  }

  private static Tuple values(long groupId, long userId, ItemMerge.Slot<InventoryRequest.Relationship> slot,
                              long writer) {
    InventoryRequest.Relationship r = slot.item();
    return Tuple.tuple().addLong(groupId).addLong(userId).addInteger(slot.position()).addString(r.label())
        .addString(r.kind()).addInteger(r.closeness()).addInteger(r.satisfaction()).addString(r.area())
        .addString(r.works()).addString(r.doesNotWork()).addString(r.notes()).addLong(writer);
  }

  /** The member's current relationships, in the member's order. */
  public Future<List<Relationship>> active(SqlClient client, long groupId, long userId) {
    return client.preparedQuery(ACTIVE).execute(Tuple.of(groupId, userId)).map(rows -> {
      List<Relationship> list = new ArrayList<>(rows.size());
      for (Row r : rows) {
        list.add(new Relationship(r.getLong("id"), r.getString("label"), r.getString("kind"),
            r.getInteger("closeness"), r.getInteger("satisfaction"), r.getString("area"), r.getString("works"),
            r.getString("not_works"), r.getString("notes"), r.getOffsetDateTime("updated_at").toInstant().toString(),
            r.getLong("updated_by")));
      }
      return list;
    });
  }
}
