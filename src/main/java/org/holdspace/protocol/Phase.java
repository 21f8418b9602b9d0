package org.holdspace.protocol;

import java.util.Locale;

/** The three phases of an IPT course. */
public enum Phase {
  INITIAL, MIDDLE, TERMINATION;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
