package org.holdspace.chat;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.holdspace.core.Fields;
import org.holdspace.core.Refusal;

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
      throw Refusal.invalid("frame: not valid JSON");
    }
    if (!(value instanceof JsonObject json)) {
      throw Refusal.invalid("frame: must be a JSON object");
    }
    Object ref = json.getValue("ref");
    String refText = ref instanceof String s && s.length() <= MAX_REF ? s : null;
    Object type = json.getValue("type");
    if (!(type instanceof String t)) {
      throw new FrameError(refText, Refusal.invalid("type: required string"));
    }
    if (ref != null && refText == null) {
      throw new FrameError(null, Refusal.invalid("ref: must be a string of at most " + MAX_REF + " characters"));
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
    return Fields.id(json, field);
  }

  /** A non-negative whole number, or null when absent. */
  public Long optionalCount(String field) {
    return Fields.optionalCount(json, field);
  }

  /** A positive number (fractions allowed) no greater than max, or null when absent. */
  public Double optionalPositive(String field, double max) {
    return Fields.optionalPositive(json, field, max);
  }

  public String text(String field) {
    return Fields.string(json, field);
  }

  public String optionalText(String field) {
    return Fields.optionalString(json, field);
  }

  /** A parse failure that still knows the frame's ref. */
  public static final class FrameError extends RuntimeException {
    private final String ref;
    private final Refusal error;

    FrameError(String ref, Refusal error) {
      super(error.getMessage(), null, false, false);
      this.ref = ref;
      this.error = error;
    }

    public String ref() {
      return ref;
    }

    public Refusal error() {
      return error;
    }
  }
}
