package org.holdspace.clinical;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.holdspace.core.Refusal;

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

  /** A text that is absent, or blank after stripping, reads as null. */
  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
