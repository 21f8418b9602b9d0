package org.holdspace.clinical;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;

/** Stored report cards ({@code report_cards}, {@code report_card_ratings}) and the baselines they are read against. */
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

  /** A stored card with the ratings it was given. */
  public record Card(long id, int session, String at, List<ReportCardRequest.Rating> ratings) {
    public JsonObject toJson() {
      JsonArray json = new JsonArray();
      ratings.forEach(r -> json.add(new JsonObject().put("relationshipId", r.relationshipId())
          .put("closeness", r.closeness()).put("satisfaction", r.satisfaction())));
      return new JsonObject().put("id", id).put("session", session).put("at", at).put("ratings", json);
    }
  }

  /** One relationship's rating on one card. */
  public record CardRating(long cardId, int session, String at, long relationshipId, int closeness,
                           int satisfaction) {
  }

  /** A relationship of the inventory, current or removed, with the ratings it was entered with. */
  public record Baseline(long id, String label, int closeness, int satisfaction, boolean removed) {
  }

  public Future<Card> insert(SqlClient tx, long groupId, long userId, int session, ReportCardRequest request,
                             long enteredBy) {
    return tx.preparedQuery(INSERT_CARD).execute(Tuple.of(groupId, userId, session, enteredBy)).compose(rows -> {
      Row card = rows.iterator().next();
      long id = card.getLong("id");
      List<Tuple> ratings = request.ratings().stream()
          .map(r -> Tuple.of(id, r.relationshipId(), r.closeness(), r.satisfaction())).toList();
      return tx.preparedQuery(INSERT_RATING).executeBatch(ratings)
          .map(v -> new Card(id, session, card.getOffsetDateTime("at").toInstant().toString(), request.ratings()));
    });
  }

  /** The member's card ratings, oldest card first. */
  public Future<List<CardRating>> ratings(SqlClient client, long groupId, long userId) {
    return client.preparedQuery(CARDS).execute(Tuple.of(groupId, userId)).map(rows -> {
      List<CardRating> list = new ArrayList<>(rows.size());
      rows.forEach(r -> list.add(new CardRating(r.getLong("id"), r.getInteger("session"),
          r.getOffsetDateTime("at").toInstant().toString(), r.getLong("relationship_id"), r.getInteger("closeness"),
          r.getInteger("satisfaction"))));
      return list;
    });
  }

  /** Every relationship the member's inventory has held, current ones first. */
  public Future<List<Baseline>> baselines(SqlClient client, long groupId, long userId) {
    return client.preparedQuery(RELATIONSHIPS).execute(Tuple.of(groupId, userId)).map(rows -> {
      List<Baseline> list = new ArrayList<>(rows.size());
      rows.forEach(r -> list.add(new Baseline(r.getLong("id"), r.getString("label"), r.getInteger("initial_closeness"),
          r.getInteger("initial_satisfaction"), r.getOffsetDateTime("removed_at") != null)));
      return list;
    });
  }

  /** The member's cards and the relationships they rate. */
  public Future<ReportCardHistory> history(SqlClient client, long groupId, long userId) {
    return Future.all(ratings(client, groupId, userId), baselines(client, groupId, userId))
        .map(all -> new ReportCardHistory(all.resultAt(0), all.resultAt(1)));
  }
}
