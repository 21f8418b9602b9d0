package org.holdspace.clinical;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A member's report cards and each relationship's ratings over time: first the ratings it was entered into the
 * inventory with, then one per report card; its change is the last card's ratings minus the first ones. Pure.
 */
public record ReportCardHistory(List<ReportCardStore.CardRating> ratings, List<ReportCardStore.Baseline> baselines) {

  /** {@code {cards:[…], relationships:[…]}}, oldest cards first; removed relationships only when rated. */
  public JsonObject toJson() {
    Map<Long, JsonObject> cards = new LinkedHashMap<>();
    Map<Long, JsonArray> series = new LinkedHashMap<>();
    for (ReportCardStore.CardRating r : ratings) {
      JsonObject card = cards.computeIfAbsent(r.cardId(), id -> new JsonObject().put("id", id)
          .put("session", r.session()).put("at", r.at()).put("ratings", new JsonArray()));
      JsonObject rating = new JsonObject().put("closeness", r.closeness()).put("satisfaction", r.satisfaction());
      card.getJsonArray("ratings").add(rating.copy().put("relationshipId", r.relationshipId()));
      series.computeIfAbsent(r.relationshipId(), id -> new JsonArray()).add(rating.put("session", r.session()));
    }
    JsonArray relationships = new JsonArray();
    for (ReportCardStore.Baseline b : baselines) {
      JsonArray rated = series.getOrDefault(b.id(), new JsonArray());
      if (b.removed() && rated.isEmpty()) {
        continue;
      }
      JsonObject initial = new JsonObject().put("closeness", b.closeness()).put("satisfaction", b.satisfaction());
      JsonObject change = null;
      if (!rated.isEmpty()) {
        JsonObject last = rated.getJsonObject(rated.size() - 1);
        change = new JsonObject()
            .put("closeness", last.getInteger("closeness") - b.closeness())
            .put("satisfaction", last.getInteger("satisfaction") - b.satisfaction());
      }
      relationships.add(new JsonObject().put("id", b.id()).put("label", b.label()).put("removed", b.removed())
          .put("initial", initial).put("ratings", rated).put("change", change));
    }
    return new JsonObject().put("cards", new JsonArray(new ArrayList<>(cards.values())))
        .put("relationships", relationships);
  }
}
