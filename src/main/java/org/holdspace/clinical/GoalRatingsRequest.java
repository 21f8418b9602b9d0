package org.holdspace.clinical;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.holdspace.core.Refusal;
import org.holdspace.core.Fields;

import java.util.List;

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
    return new GoalRatingsRequest(session, ClinicalFields.distinctItems(array, "ratings", Rating::fromJson,
        Rating::goalId, "goalId", "rated twice"));
  }
}
