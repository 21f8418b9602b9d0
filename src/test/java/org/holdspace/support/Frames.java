package org.holdspace.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.function.Predicate;

/** Matches for the frames a socket received, and the ids in them. */
public final class Frames {
  private Frames() {
  }

  /** A group event of this kind. */
  public static Predicate<JsonObject> event(String kind) {
    return f -> "event".equals(f.getString("type")) && kind.equals(f.getString("kind"));
  }

  /** The group event with this seq. */
  public static Predicate<JsonObject> seq(long seq) {
    return f -> "event".equals(f.getString("type")) && f.getLong("seq") == seq;
  }

  /** The user ids of a state list (muted, hands, present) as numbers. */
  public static List<Long> ids(JsonArray array) {
    return array.stream().map(x -> ((Number) x).longValue()).toList();
  }

  /** Whether a state list holds the user id. */
  public static boolean has(JsonArray ids, long id) {
    return ids.stream().anyMatch(x -> ((Number) x).longValue() == id);
  }
}
