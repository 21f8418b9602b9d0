package org.holdspace.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

/** Typed reads of JSON fields that turn a missing or mistyped field into a 400 naming it. */
public final class Fields {
  private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  private Fields() {
  }

  public static String text(JsonObject json, String field, int min, int max) {
    String value = optionalText(json, field, max);
    if (value == null) {
      throw ApiError.badRequest(field + ": required");
    }
    if (value.strip().length() < min) {
      throw ApiError.badRequest(field + ": must have at least " + min + " characters");
    }
    return value;
  }

  public static String optionalText(JsonObject json, String field, int max) {
    Object value = json.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s)) {
      throw ApiError.badRequest(field + ": must be a string");
    }
    if (!storable(s)) {
      throw ApiError.badRequest(field + ": " + NOT_STORABLE);
    }
    if (s.length() > max) {
      throw ApiError.badRequest(field + ": must have at most " + max + " characters");
    }
    // PostgreSQL cannot store NUL in text; letting one through turns bad input into a 500.
    if (s.indexOf('\u0000') >= 0) {
      throw ApiError.badRequest(field + ": must not contain NUL characters");
    }
    return s;
  }

  /** Why {@link #storable} refused a string, for the error message. */
  public static final String NOT_STORABLE = "must be Unicode text without NUL characters or unpaired surrogates";

  /**
   * Whether PostgreSQL can keep the string exactly: no NUL (text and jsonb refuse it) and no unpaired UTF-16
   * surrogate (JSON escapes such as {@code \ud800} decode to one, and it would be stored as '?').
   */
  public static boolean storable(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 0) {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  public static String oneOf(JsonObject json, String field, Set<String> allowed) {
    String value = text(json, field, 1, 100);
    if (!allowed.contains(value)) {
      throw ApiError.badRequest(field + ": must be one of " + String.join(", ", allowed.stream().sorted().toList()));
    }
    return value;
  }

  public static long id(JsonObject json, String field) {
    Object value = json.getValue(field);
    if (value == null) {
      throw ApiError.badRequest(field + ": required");
    }
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.doubleValue() >= 1
        && n.doubleValue() < 9.0e15) {
      return n.longValue();
    }
    throw ApiError.badRequest(field + ": must be a positive whole number");
  }

  public static Integer optionalInt(JsonObject json, String field, int min, int max) {
    Object value = json.getValue(field);
    if (value == null) {
      return null;
    }
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
        && n.doubleValue() >= min && n.doubleValue() <= max) {
      return n.intValue();
    }
    throw ApiError.badRequest(field + ": must be a whole number from " + min + " to " + max);
  }

  public static int integer(JsonObject json, String field, int min, int max) {
    Integer value = optionalInt(json, field, min, max);
    if (value == null) {
      throw ApiError.badRequest(field + ": required");
    }
    return value;
  }

  public static Instant optionalInstant(JsonObject json, String field) {
    String value = optionalText(json, field, 64);
    if (value == null) {
      return null;
    }
    Instant instant;
    try {
      instant = Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiError.badRequest(field + ": must be an ISO-8601 instant such as 2026-01-06T17:00:00Z");
    }
    // PostgreSQL keeps timestamps up to year 294276 only and stores a later one as 'infinity'; bound them well inside.
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      throw ApiError.badRequest(field + ": must be between " + EARLIEST + " and " + LATEST);
    }
    return instant;
  }

  public static JsonArray array(JsonObject json, String field, int maxItems) {
    Object value = json.getValue(field);
    if (value == null) {
      throw ApiError.badRequest(field + ": required");
    }
    if (!(value instanceof JsonArray array)) {
      throw ApiError.badRequest(field + ": must be an array");
    }
    if (array.size() > maxItems) {
      throw ApiError.badRequest(field + ": must have at most " + maxItems + " items");
    }
    return array;
  }

  /** A path parameter that must be a positive id; anything else is a 404 (no such resource). */
  public static long pathId(String raw) {
    if (raw == null || !raw.matches("[1-9]\\d{0,15}")) {
      throw ApiError.notFound();
    }
    return Long.parseLong(raw);
  }
}
