package org.holdspace.chat;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * One client frame: its type, its optional {@code ref}, and typed reads of its fields that refuse a missing or
 * mistyped field with {@code bad_frame} naming it, before anything is changed.
 */
public record Frame(String type, String ref, JsonObject json) {
  private static final int MAX_REF = 200;

  /** Parses a text frame; the ref is kept when readable so that the error can echo it. */
  public static Frame parse(String text) {
    Object value;
    try {
      value = io.vertx.core.json.Json.decodeValue(text);
    } catch (DecodeException e) {
      throw ChatError.badFrame("frame: not valid JSON");
    }
    if (!(value instanceof JsonObject json)) {
      throw ChatError.badFrame("frame: must be a JSON object");
    }
    Object ref = json.getValue("ref");
    String refText = ref instanceof String s && s.length() <= MAX_REF ? s : null;
    Object type = json.getValue("type");
    if (!(type instanceof String t)) {
      throw new FrameError(refText, ChatError.badFrame("type: required string"));
    }
    if (ref != null && refText == null) {
      throw new FrameError(null, ChatError.badFrame("ref: must be a string of at most " + MAX_REF + " characters"));
    }
    return new Frame(t, refText, json);
  }

  public long groupId() {
    return positiveId("groupId");
  }

  public long userId() {
    return positiveId("userId");
  }

  public long positiveId(String field) {
    Object value = json.getValue(field);
    if (value == null) {
      throw ChatError.badFrame(field + ": required");
    }
    if (value instanceof Number n && isWhole(n) && n.doubleValue() >= 1 && n.doubleValue() < 9.0e15) {
      return n.longValue();
    }
    throw ChatError.badFrame(field + ": must be a positive whole number");
  }

  /** A non-negative whole number, or null when absent. */
  public Long optionalCount(String field) {
    Object value = json.getValue(field);
    if (value == null) {
      return null;
    }
    if (value instanceof Number n && isWhole(n) && n.doubleValue() >= 0 && n.doubleValue() < 9.0e15) {
      return n.longValue();
    }
    throw ChatError.badFrame(field + ": must be a whole number of 0 or more");
  }

  /** A positive number (fractions allowed) no greater than max, or null when absent. */
  public Double optionalPositive(String field, double max) {
    Object value = json.getValue(field);
    if (value == null) {
      return null;
    }
    if (value instanceof Number n && Double.isFinite(n.doubleValue()) && n.doubleValue() > 0
        && n.doubleValue() <= max) {
      return n.doubleValue();
    }
    throw ChatError.badFrame(field + ": must be a positive number of at most " + (long) max);
  }

  public String text(String field) {
    Object value = json.getValue(field);
    if (value == null) {
      throw ChatError.badFrame(field + ": required");
    }
    if (!(value instanceof String s)) {
      throw ChatError.badFrame(field + ": must be a string");
    }
    if (!org.holdspace.http.Fields.storable(s)) {
      throw ChatError.badFrame(field + ": " + org.holdspace.http.Fields.NOT_STORABLE);
    }
    return s;
  }

  public String optionalText(String field) {
    return json.getValue(field) == null ? null : text(field);
  }

  private static boolean isWhole(Number n) {
    double d = n.doubleValue();
    return !Double.isNaN(d) && d == Math.rint(d);
  }

  /** A parse failure that still knows the frame's ref. */
  public static final class FrameError extends RuntimeException {
    private final String ref;
    private final ChatError error;

    FrameError(String ref, ChatError error) {
      super(error.getMessage(), null, false, false);
      this.ref = ref;
      this.error = error;
    }

    public String ref() {
      return ref;
    }

    public ChatError error() {
      return error;
    }
  }
}
