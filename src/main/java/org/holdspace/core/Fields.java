package org.holdspace.core;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

/** Typed reads of JSON fields (request bodies and frames) that refuse a missing or mistyped field, naming it. */
public final class Fields {
  private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
  /** Whole numbers beyond this lose precision in a double. */
  private static final double MAX_WHOLE = 9.0e15;

  private Fields() {
  }

  public static String text(JsonObject json, String field, int min, int max) {
    String value = optionalText(json, field, max);
    if (value == null) {
      throw Refusal.invalid(field + ": required");
    }
    if (value.strip().length() < min) {
      throw Refusal.invalid(field + ": must have at least " + min + " characters");
    }
    return value;
  }

  public static String optionalText(JsonObject json, String field, int max) {
    Object value = json.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s)) {
      throw Refusal.invalid(field + ": must be a string");
    }
    if (!storable(s)) {
      throw Refusal.invalid(field + ": " + NOT_STORABLE);
    }
    if (s.length() > max) {
      throw Refusal.invalid(field + ": must have at most " + max + " characters");
    }
    return s;
  }

  /** A required string of any length that PostgreSQL can store. */
  public static String string(JsonObject json, String field) {
    String value = optionalString(json, field);
    if (value == null) {
      throw Refusal.invalid(field + ": required");
    }
    return value;
  }

  /** {@link #string}, or null when absent. */
  public static String optionalString(JsonObject json, String field) {
    return optionalText(json, field, Integer.MAX_VALUE);
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
      throw Refusal.invalid(field + ": must be one of " + String.join(", ", allowed.stream().sorted().toList()));
    }
    return value;
  }

  /** A required id: a whole number from 1. */
  public static long id(JsonObject json, String field) {
    Object value = json.getValue(field);
    if (value == null) {
      throw Refusal.invalid(field + ": required");
    }
    if (value instanceof Number n && isWhole(n) && n.doubleValue() >= 1 && n.doubleValue() < MAX_WHOLE) {
      return n.longValue();
    }
    throw Refusal.invalid(field + ": must be a positive whole number");
  }

  /** A whole number of 0 or more, or null when absent. */
  public static Long optionalCount(JsonObject json, String field) {
    Object value = json.getValue(field);
    if (value == null) {
      return null;
    }
    if (value instanceof Number n && isWhole(n) && n.doubleValue() >= 0 && n.doubleValue() < MAX_WHOLE) {
      return n.longValue();
    }
    throw Refusal.invalid(field + ": must be a whole number of 0 or more");
  }

  /** A positive number (fractions allowed) no greater than max, or null when absent. */
  public static Double optionalPositive(JsonObject json, String field, double max) {
    Object value = json.getValue(field);
    if (value == null) {
      return null;
    }
    if (value instanceof Number n && Double.isFinite(n.doubleValue()) && n.doubleValue() > 0
        && n.doubleValue() <= max) {
      return n.doubleValue();
    }
    throw Refusal.invalid(field + ": must be a positive number of at most " + (long) max);
  }

  private static boolean isWhole(Number n) {
    double d = n.doubleValue();
    return !Double.isNaN(d) && d == Math.rint(d);
  }

  public static Integer optionalInt(JsonObject json, String field, int min, int max) {
    Object value = json.getValue(field);
    if (value == null) {
      return null;
    }
    if (value instanceof Number n && isWhole(n) && n.doubleValue() >= min && n.doubleValue() <= max) {
      return n.intValue();
    }
    throw Refusal.invalid(field + ": must be a whole number from " + min + " to " + max);
  }

  public static int integer(JsonObject json, String field, int min, int max) {
    Integer value = optionalInt(json, field, min, max);
    if (value == null) {
      throw Refusal.invalid(field + ": required");
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
      throw Refusal.invalid(field + ": must be an ISO-8601 instant such as 2026-01-06T17:00:00Z");
    }
    // PostgreSQL keeps timestamps up to year 294276 only and stores a later one as 'infinity'; bound them well inside.
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      throw Refusal.invalid(field + ": must be between " + EARLIEST + " and " + LATEST);
    }
    return instant;
  }

  public static JsonArray array(JsonObject json, String field, int maxItems) {
    Object value = json.getValue(field);
    if (value == null) {
      throw Refusal.invalid(field + ": required");
    }
    if (!(value instanceof JsonArray array)) {
      throw Refusal.invalid(field + ": must be an array");
    }
    if (array.size() > maxItems) {
      throw Refusal.invalid(field + ": must have at most " + maxItems + " items");
    }
    return array;
  }

  /** A path parameter that must be a positive id; anything else is a 404 (no such resource). */
  public static long pathId(String raw) {
    if (raw == null || !raw.matches("[1-9]\\d{0,15}")) {
      throw Refusal.notFound();
    }
    return Long.parseLong(raw);
  }
}
