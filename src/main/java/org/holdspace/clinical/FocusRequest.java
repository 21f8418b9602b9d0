package org.holdspace.clinical;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.holdspace.group.FocusArea;
import org.holdspace.core.Refusal;
import org.holdspace.core.Fields;

import java.util.List;

/**
 * {@code PUT .../focus}: {@code {area, secondaryArea?, goal?, goals?}}. The contract's {@code {area, goal?}} still
 * works: a lone {@code goal} is a list of one goal. {@code goals} holds one to three items, each a text or
 * {@code {id?, text}}; without either, the member's goals stay as they are.
 */
public record FocusRequest(String area, String secondaryArea, List<Goal> goals) {
  static final int MAX_GOALS = 3;

  /** A goal as sent: the id of an existing goal to reword, or none; and its text. */
  public record Goal(Long id, String text) {
    static Goal fromJson(JsonObject json) {
      return new Goal(json.getValue("id") == null ? null : Fields.id(json, "id"),
          Fields.text(json, "text", 1, 500).strip());
    }
  }

  public static FocusRequest fromJson(JsonObject json) {
    String area = Fields.oneOf(json, "area", FocusArea.NAMES);
    String secondary = json.getValue("secondaryArea") == null ? null
        : Fields.oneOf(json, "secondaryArea", FocusArea.NAMES);
    if (area.equals(secondary)) {
      throw Refusal.invalid("secondaryArea: must differ from area");
    }
    List<Goal> goals = null;
    if (json.getValue("goals") != null) {
      JsonArray array = Fields.array(json, "goals", MAX_GOALS);
      if (array.isEmpty()) {
        throw Refusal.invalid("goals: give one to three goals");
      }
      JsonArray items = new JsonArray();
      array.forEach(item -> items.add(item instanceof String s ? new JsonObject().put("text", s) : item));
      goals = ClinicalFields.distinctItems(items, "goals", Goal::fromJson, Goal::id, "id", "appears twice");
    } else {
      String goal = ClinicalFields.blankToNull(Fields.optionalText(json, "goal", 500));
      if (goal != null) {
        goals = List.of(new Goal(null, goal));
      }
    }
    return new FocusRequest(area, secondary, goals == null ? null : List.copyOf(goals));
  }
}
