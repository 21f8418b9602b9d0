package org.holdspace.protocol;

import io.vertx.core.json.JsonObject;

/**
 * The sessions a phase takes in a protocol: {@code from} and {@code to} are session numbers, counted from the start
 * when positive (1 is the first session) and from the end when negative (-1 is the last), so one definition fits every
 * course length the protocol allows (ipt: initial 1..3, middle 4..-3, termination -2..-1).
 */
public record PhaseSpan(Phase phase, int from, int to) {

  /** The session number {@code n} means in a course of {@code sessionCount} sessions. */
  static int resolve(int n, int sessionCount) {
    return n > 0 ? n : sessionCount + 1 + n;
  }

  public int firstIn(int sessionCount) {
    return resolve(from, sessionCount);
  }

  public int lastIn(int sessionCount) {
    return resolve(to, sessionCount);
  }

  public JsonObject toJson() {
    return new JsonObject().put("phase", phase.wire()).put("from", from).put("to", to);
  }
}
