package org.holdspace.core;

import java.util.Locale;
import java.util.Set;

/**
 * What an account may do: manage accounts, run groups, take part in them, or supervise groups (read their records and
 * receive their alerts, never write).
 */
public enum Role {
  ADMIN, FACILITATOR, MEMBER, SUPERVISOR;

  public static final Set<String> NAMES = Set.of("admin", "facilitator", "member", "supervisor");

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role fromWire(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
