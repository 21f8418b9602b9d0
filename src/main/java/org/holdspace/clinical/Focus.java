package org.holdspace.clinical;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.holdspace.group.Enrolment;

import java.util.List;

/** A member's focus: the areas and first goal on their enrolment, and their current goals with their ratings. */
public record Focus(long userId, Enrolment.Focus areas, List<Goal> goals) {

  /** A current goal and the ratings given to it, by session. */
  public record Goal(long id, String text, List<Rating> ratings) {
  }

  /** One rating of a goal at a session. */
  public record Rating(int session, int rating, String at) {
  }

  /** {@code {userId, area, secondaryArea, goal, goals:[{id, text, ratings:[{session, rating, at}]}]}}. */
  public JsonObject toJson() {
    JsonArray list = new JsonArray();
    for (Goal g : goals) {
      JsonArray ratings = new JsonArray();
      g.ratings().forEach(r -> ratings.add(new JsonObject().put("session", r.session()).put("rating", r.rating())
          .put("at", r.at())));
      list.add(new JsonObject().put("id", g.id()).put("text", g.text()).put("ratings", ratings));
    }
    return new JsonObject()
        .put("userId", userId)
        .put("area", areas.area())
        .put("secondaryArea", areas.secondaryArea())
        .put("goal", areas.goal())
        .put("goals", list);
  }
}
