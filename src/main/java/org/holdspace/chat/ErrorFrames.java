package org.holdspace.chat;

import io.vertx.core.json.JsonObject;
import org.holdspace.core.Refusal;
import org.holdspace.db.SqlErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place a failure becomes the contract's error frame. */
final class ErrorFrames {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorFrames.class);
  private static final String TRY_AGAIN = "the server could not complete this; try again";

  private ErrorFrames() {
  }

  /** The error frame for a refused or failed client frame, echoing its ref when it had one. */
  static JsonObject of(String ref, Throwable failure) {
    Refusal refusal;
    if (failure instanceof Refusal r) {
      refusal = r;
    } else if (SqlErrors.isUnavailable(failure)) {
      LOG.warn("Frame refused: the database is unavailable ({})", failure.toString());
      refusal = Refusal.unavailable(TRY_AGAIN);
    } else {
      LOG.error("Frame failed on the server", failure);
      refusal = Refusal.unavailable(TRY_AGAIN);
    }
    JsonObject frame = new JsonObject().put("type", "error").put("code", code(refusal.code()))
        .put("message", refusal.getMessage());
    if (ref != null) {
      frame.put("ref", ref);
    }
    return frame;
  }

  /** The frame's code: invalid input is {@code bad_frame} on a socket; every other code keeps its name. */
  static String code(Refusal.Code code) {
    return code == Refusal.Code.INVALID ? "bad_frame" : code.wire();
  }
}
