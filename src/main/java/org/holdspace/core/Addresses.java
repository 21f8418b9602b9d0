package org.holdspace.core;

/** Event-bus addresses, all in one place. */
public final class Addresses {
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
