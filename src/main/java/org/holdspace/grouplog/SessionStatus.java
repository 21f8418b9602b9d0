package org.holdspace.grouplog;

import java.util.Locale;

/** Where a group's current session stands: not started yet, live, or over. */
public enum SessionStatus {
  PLANNED, LIVE, ENDED;

  /** The stored and wire name. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SessionStatus fromWire(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
