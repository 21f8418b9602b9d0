package org.holdspace.clinical;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stored report cards, and each relationship's ratings over time: first the ratings it was entered into the inventory
 * with, then one per report card; its change is the last card's ratings minus the first ones.
 */
public final class ReportCardStore {
  private static final String INSERT_CARD =
      "INSERT INTO report_cards (group_id, user_id, session, entered_by) VALUES ($1, $2, $3, $4) RETURNING id, at";
  private static final String INSERT_RATING = "INSERT INTO report_card_ratings (card_id, relationship_id, closeness, "
      + "satisfaction) VALUES ($1, $2, $3, $4)";
  private static final String CARDS = "SELECT c.id, c.session, c.at, r.relationship_id, r.closeness, r.satisfaction "
      + "FROM report_cards c JOIN report_card_ratings r ON r.card_id = c.id WHERE c.group_id = $1 AND c.user_id = $2 "
      + "ORDER BY c.session, c.id, r.relationship_id";
  private static final String RELATIONSHIPS = "SELECT id, label, initial_closeness, initial_satisfaction, removed_at "
      + "FROM inventory_relationships WHERE group_id = $1 AND user_id = $2 ORDER BY removed_at NULLS FIRST, position, id";

  private ReportCardStore() {
  }

  static Future<JsonObject> insert(SqlClient tx, long groupId, long userId, int session, ReportCardRequest request,
                                   long enteredBy) {
    return tx.preparedQuery(INSERT_CARD).execute(Tuple.of(groupId, userId, session, enteredBy)).compose(rows -> {
      Row card = rows.iterator().next();
      long id = card.getLong("id");
      List<Tuple> ratings = new ArrayList<>();
      JsonArray json = new JsonArray();
      for (ReportCardRequest.Rating r : request.ratings()) {
        ratings.add(Tuple.of(id, r.relationshipId(), r.closeness(), r.satisfaction()));
        json.add(new JsonObject().put("relationshipId", r.relationshipId()).put("closeness", r.closeness())
            .put("satisfaction", r.satisfaction()));
      }
      return tx.preparedQuery(INSERT_RATING).executeBatch(ratings).map(v -> new JsonObject()
          .put("id", id).put("session", session).put("at", card.getOffsetDateTime("at").toInstant().toString())
          .put("ratings", json));
    });
  }

  /** {@code {cards:[…], relationships:[…]}} for one member, oldest cards first. */
  static Future<JsonObject> history(SqlClient client, long groupId, long userId) {
    return Future.all(client.preparedQuery(CARDS).execute(Tuple.of(groupId, userId)),
        client.preparedQuery(RELATIONSHIPS).execute(Tuple.of(groupId, userId))).map(all -> {
          Map<Long, JsonObject> cards = new LinkedHashMap<>();
          Map<Long, JsonArray> series = new LinkedHashMap<>();
          for (Row r : all.<io.vertx.sqlclient.RowSet<Row>>resultAt(0)) {
            long cardId = r.getLong("id");
            int session = r.getInteger("session");
            JsonObject card = cards.computeIfAbsent(cardId, id -> new JsonObject().put("id", id).put("session", session)
                .put("at", r.getOffsetDateTime("at").toInstant().toString()).put("ratings", new JsonArray()));
            JsonObject rating = new JsonObject().put("closeness", r.getInteger("closeness"))
                .put("satisfaction", r.getInteger("satisfaction"));
            card.getJsonArray("ratings").add(rating.copy().put("relationshipId", r.getLong("relationship_id")));
            series.computeIfAbsent(r.getLong("relationship_id"), id -> new JsonArray())
                .add(rating.put("session", session));
          }
          JsonArray relationships = new JsonArray();
          for (Row r : all.<io.vertx.sqlclient.RowSet<Row>>resultAt(1)) {
            long id = r.getLong("id");
            boolean removed = r.getOffsetDateTime("removed_at") != null;
            JsonArray ratings = series.getOrDefault(id, new JsonArray());
            if (removed && ratings.isEmpty()) {
              continue;
            }
            JsonObject initial = new JsonObject().put("closeness", r.getInteger("initial_closeness"))
                .put("satisfaction", r.getInteger("initial_satisfaction"));
            JsonObject change = null;
            if (!ratings.isEmpty()) {
              JsonObject last = ratings.getJsonObject(ratings.size() - 1);
              change = new JsonObject()
                  .put("closeness", last.getInteger("closeness") - initial.getInteger("closeness"))
                  .put("satisfaction", last.getInteger("satisfaction") - initial.getInteger("satisfaction"));
            }
            relationships.add(new JsonObject().put("id", id).put("label", r.getString("label")).put("removed", removed)
                .put("initial", initial).put("ratings", ratings).put("change", change));
          }
          return new JsonObject().put("cards", new JsonArray(new ArrayList<>(cards.values())))
              .put("relationships", relationships);
        });
  }
}
