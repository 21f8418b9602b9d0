package org.holdspace.core;

/** Event-bus addresses, all in one place. */
public final class Addresses {
  /**
   * Header of an empty message on an account's address: its standing in the group the header names changed (added
   * to or removed from its team), so its sockets look it up again.
   */
  public static final String STANDING_CHANGED = "holdspace-standing-changed";

  private Addresses() {
  }

  /** Every event of group {@code id}, and its typing hints, published to every node. */
  public static String group(long id) {
    return "holdspace.group." + id;
  }

  /** Frames for one account's sockets on any node (alerts, private messages). */
  public static String user(long id) {
    return "holdspace.user." + id;
  }

  /** An account's sign-ins ended or changed (its id): every node forgets what it cached of them. */
  public static String signInsChanged() {
    return "holdspace.signins.changed";
  }
}
