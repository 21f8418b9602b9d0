package org.holdspace.core;

import java.util.Locale;
import java.util.Set;

/** What an account may do: manage accounts, run groups, or take part in them. */
public enum Role {
  ADMIN, FACILITATOR, MEMBER;

  public static final Set<String> NAMES = Set.of("admin", "facilitator", "member");

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role fromWire(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
