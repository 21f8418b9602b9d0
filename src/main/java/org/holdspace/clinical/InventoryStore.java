package org.holdspace.clinical;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The stored interpersonal inventories. */
public final class InventoryStore {
  private static final String LOCK_MEMBER =
      "SELECT 1 FROM group_members WHERE group_id = $1 AND user_id = $2 FOR UPDATE";
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

  private InventoryStore() {
  }

  /** Holds the member's enrolment row until the transaction ends, so that writes of one inventory queue up. */
  static Future<Void> lockMember(SqlClient tx, long groupId, long userId) {
    return tx.preparedQuery(LOCK_MEMBER).execute(Tuple.of(groupId, userId)).mapEmpty();
  }

  static Future<Set<Long>> activeIds(SqlClient client, long groupId, long userId) {
    return client.preparedQuery(ACTIVE_IDS).execute(Tuple.of(groupId, userId)).map(rows -> {
      Set<Long> ids = new HashSet<>();
      rows.forEach(r -> ids.add(r.getLong(0)));
      return ids;
    });
  }

  /** Replaces the member's inventory with the request's relationships (ids already checked to be theirs). */
  static Future<Void> replace(SqlClient tx, long groupId, long userId, InventoryRequest request, Set<Long> active,
                              long writer) {
    List<Tuple> inserts = new ArrayList<>();
    List<Tuple> updates = new ArrayList<>();
    Set<Long> kept = new HashSet<>();
    int position = 0;
    for (InventoryRequest.Relationship r : request.relationships()) {
      Tuple t = Tuple.tuple().addLong(groupId).addLong(userId).addInteger(position++).addString(r.label())
          .addString(r.kind()).addInteger(r.closeness()).addInteger(r.satisfaction()).addString(r.area())
          .addString(r.works()).addString(r.doesNotWork()).addString(r.notes()).addLong(writer);
      if (r.id() == null) {
        inserts.add(t);
      } else {
        kept.add(r.id());
        updates.add(t.addLong(r.id()));
      }
    }
    Long[] removed = active.stream().filter(id -> !kept.contains(id)).toArray(Long[]::new);
    Future<?> chain = Future.succeededFuture();
    if (removed.length > 0) {
      chain = chain.compose(v -> tx.preparedQuery(REMOVE)
          .execute(Tuple.tuple().addLong(groupId).addLong(userId).addArrayOfLong(removed)));
    }
    if (!updates.isEmpty()) {
      chain = chain.compose(v -> tx.preparedQuery(UPDATE).executeBatch(updates));
    }
    if (!inserts.isEmpty()) {
      chain = chain.compose(v -> tx.preparedQuery(INSERT).executeBatch(inserts));
    }
    return chain.mapEmpty();
  }

  /** The member's current relationships, in the member's order. */
  static Future<List<JsonObject>> active(SqlClient client, long groupId, long userId) {
    return client.preparedQuery(ACTIVE).execute(Tuple.of(groupId, userId)).map(rows -> {
      List<JsonObject> list = new ArrayList<>(rows.size());
      for (Row r : rows) {
        list.add(new JsonObject()
            .put("id", r.getLong("id"))
            .put("label", r.getString("label"))
            .put("kind", r.getString("kind"))
            .put("closeness", r.getInteger("closeness"))
            .put("satisfaction", r.getInteger("satisfaction"))
            .put("area", r.getString("area"))
            .put("works", r.getString("works"))
            .put("doesNotWork", r.getString("not_works"))
            .put("notes", r.getString("notes"))
            .put("updatedAt", r.getOffsetDateTime("updated_at").toInstant().toString())
            .put("updatedBy", r.getLong("updated_by")));
      }
      return list;
    });
  }
}
