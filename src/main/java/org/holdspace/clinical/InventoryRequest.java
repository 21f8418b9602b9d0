package org.holdspace.clinical;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.holdspace.group.FocusArea;
import org.holdspace.core.Refusal;
import org.holdspace.core.Fields;

import java.util.List;

/**
 * A member's whole interpersonal inventory as sent with {@code PUT}: the relationships in the member's order. An
 * item with the {@code id} of an existing relationship edits it; one without adds a new relationship; existing
 * relationships left out are removed from the inventory (their report-card history stays).
 */
public record InventoryRequest(List<Relationship> relationships) {
  static final int MAX_RELATIONSHIPS = 30;

  /** One relationship: a label the member chooses (not necessarily a name), its kind and how it stands. */
  public record Relationship(Long id, String label, String kind, int closeness, int satisfaction, String area,
                             String works, String doesNotWork, String notes) {
    static Relationship fromJson(JsonObject json) {
      Long id = json.getValue("id") == null ? null : Fields.id(json, "id");
      String area = json.getValue("area") == null ? null : Fields.oneOf(json, "area", FocusArea.NAMES);
      return new Relationship(id, Fields.text(json, "label", 1, 60).strip(), Fields.text(json, "kind", 1, 40).strip(),
          Fields.integer(json, "closeness", 1, 5), Fields.integer(json, "satisfaction", 1, 5), area,
          ClinicalFields.blankToNull(Fields.optionalText(json, "works", 2000)),
          ClinicalFields.blankToNull(Fields.optionalText(json, "doesNotWork", 2000)),
          ClinicalFields.blankToNull(Fields.optionalText(json, "notes", 2000)));
    }
  }

  public static InventoryRequest fromJson(JsonObject json) {
    JsonArray array = Fields.array(json, "relationships", MAX_RELATIONSHIPS);
    return new InventoryRequest(ClinicalFields.distinctItems(array, "relationships", Relationship::fromJson,
        Relationship::id, "id", "appears twice"));
  }
}
