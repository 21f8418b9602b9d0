package org.holdspace.support;

/**
 * The long versions of the load, fault and fuzz tests run with {@code -Dholdspace.soak=true}; the ordinary build runs
 * the bounded ones. Each test picks its numbers here so that the two sizes stay side by side.
 */
public final class Soak {
  private Soak() {
  }

  public static boolean enabled() {
    return Boolean.getBoolean("holdspace.soak");
  }

  /** The ordinary number, or the soak number under {@code -Dholdspace.soak=true}. */
  public static int pick(int ordinary, int soak) {
    return enabled() ? soak : ordinary;
  }
}
