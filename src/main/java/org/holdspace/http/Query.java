package org.holdspace.http;

import io.vertx.ext.web.RoutingContext;
import org.holdspace.core.Refusal;

/** Whole numbers from the query string, refused with {@code name: must be ...} when malformed or out of range. */
public final class Query {
  private static final int MAX_DIGITS = 15;

  private Query() {
  }

  /** The parameter as a whole number of at most {@code maxDigits} digits, or null when absent. */
  public static Long optional(RoutingContext ctx, String name, int maxDigits) {
    String raw = ctx.queryParams().get(name);
    if (raw == null) {
      return null;
    }
    if (!raw.matches("\\d{1," + maxDigits + "}")) {
      throw Refusal.invalid(name + ": must be a whole number");
    }
    return Long.parseLong(raw);
  }

  /** The parameter from {@code min} to {@code max}, or {@code fallback} when absent. */
  public static long number(RoutingContext ctx, String name, long fallback, long min, long max) {
    Long value = optional(ctx, name, MAX_DIGITS);
    if (value == null) {
      return fallback;
    }
    if (value < min || value > max) {
      throw Refusal.invalid(name + ": must be from " + min + " to " + max);
    }
    return value;
  }

  /** The parameter as a whole number of at most 15 digits, or null when absent. */
  public static Long optional(RoutingContext ctx, String name) {
    return optional(ctx, name, MAX_DIGITS);
  }
}
