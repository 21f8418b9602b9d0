package org.holdspace.clinical;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.holdspace.core.Refusal;
import org.holdspace.core.Fields;

import java.util.List;

/** A relationship report card: {@code {session?, ratings:[{relationshipId, closeness, satisfaction}]}}. */
public record ReportCardRequest(Integer session, List<Rating> ratings) {

  /** One relationship rated again. */
  public record Rating(long relationshipId, int closeness, int satisfaction) {
    static Rating fromJson(JsonObject json) {
      return new Rating(Fields.id(json, "relationshipId"), Fields.integer(json, "closeness", 1, 5),
          Fields.integer(json, "satisfaction", 1, 5));
    }
  }

  public static ReportCardRequest fromJson(JsonObject json) {
    Integer session = Fields.optionalInt(json, "session", 0, 1000);
    JsonArray array = Fields.array(json, "ratings", InventoryRequest.MAX_RELATIONSHIPS);
    if (array.isEmpty()) {
      throw Refusal.invalid("ratings: rate at least one relationship");
    }
    return new ReportCardRequest(session, ClinicalFields.distinctItems(array, "ratings", Rating::fromJson,
        Rating::relationshipId, "relationshipId", "rated twice"));
  }
}
