package org.holdspace.group;

import java.util.Set;

/** The four IPT focus areas, as the contract spells them. */
public final class FocusArea {
  public static final Set<String> NAMES = Set.of("grief", "role_dispute", "role_transition", "interpersonal_deficits");

  private FocusArea() {
  }
}
