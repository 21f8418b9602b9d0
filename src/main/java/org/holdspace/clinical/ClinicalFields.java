package org.holdspace.clinical;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.holdspace.core.Refusal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Reading arrays of objects from a body, with errors that name the item ({@code ratings[2].closeness: ...}). */
final class ClinicalFields {
  private ClinicalFields() {
  }

  /** Reads item {@code i} of the array as an object with the reader; a 400 from the reader gets the item's name. */
  static <T> T item(JsonArray array, String field, int i, Function<JsonObject, T> reader) {
    Object value = array.getValue(i);
    String name = field + "[" + i + "]";
    if (!(value instanceof JsonObject json)) {
      throw Refusal.invalid(name + ": must be an object");
    }
    try {
      return reader.apply(json);
    } catch (Refusal e) {
      if (e.code() != Refusal.Code.INVALID) {
        throw e;
      }
      throw Refusal.invalid(name + "." + e.getMessage());
    }
  }

  /**
   * Reads every item of the array with the reader, refusing an item whose key (when not null) an earlier item has:
   * {@code field[i].key: twice}.
   */
  static <T> List<T> distinctItems(JsonArray array, String field, Function<JsonObject, T> reader,
                                   Function<T, Long> keyOf, String key, String twice) {
    List<T> items = new ArrayList<>(array.size());
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      T item = item(array, field, i, reader);
      Long k = keyOf.apply(item);
      if (k != null && !seen.add(k)) {
        throw Refusal.invalid(field + "[" + i + "]." + key + ": " + twice);
      }
      items.add(item);
    }
    return List.copyOf(items);
  }

  /** A text that is absent, or blank after stripping, reads as null. */
  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
