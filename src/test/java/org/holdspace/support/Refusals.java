package org.holdspace.support;


import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The error code a socket action is refused with. */
public final class Refusals {
  private Refusals() {
  }

  /** Runs the action, which must fail with an error frame, and answers that frame's code. */
  public static String errorCode(Runnable action) {
    RuntimeException e = assertThrows(RuntimeException.class, action::run);
    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    assertTrue(cause instanceof ChatClient.ErrorFrame, "expected an error frame, got " + cause);
    return ((ChatClient.ErrorFrame) cause).code();
  }
}
