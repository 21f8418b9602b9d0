package org.holdspace.clinical;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.holdspace.core.Refusal;
import org.holdspace.core.Fields;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code POST .../goals/ratings}: {@code {session?, ratings:[{goalId, rating:0-10}]}}. */
public record GoalRatingsRequest(Integer session, List<Rating> ratings) {

  /** The member's rating of one goal. */
  public record Rating(long goalId, int rating) {
    static Rating fromJson(JsonObject json) {
      return new Rating(Fields.id(json, "goalId"), Fields.integer(json, "rating", 0, 10));
    }
  }

  public static GoalRatingsRequest fromJson(JsonObject json) {
    Integer session = Fields.optionalInt(json, "session", 0, 1000);
    JsonArray array = Fields.array(json, "ratings", FocusRequest.MAX_GOALS);
    if (array.isEmpty()) {
      throw Refusal.invalid("ratings: rate at least one goal");
    }
    List<Rating> ratings = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      Rating r = ClinicalFields.item(array, "ratings", i, Rating::fromJson);
      if (!seen.add(r.goalId())) {
        throw Refusal.invalid("ratings[" + i + "].goalId: rated twice");
      }
      ratings.add(r);
    }
    return new GoalRatingsRequest(session, List.copyOf(ratings));
  }
}
