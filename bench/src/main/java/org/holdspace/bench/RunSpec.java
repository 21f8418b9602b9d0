package org.holdspace.bench;

import java.util.OptionalInt;

/**
 * One measurement: a server, C clients in rooms of S, each sending r messages per second (open loop) for a
 * warm-up and then a measured window, and a drain in which late deliveries may still arrive.
 */
record RunSpec(ServerKind server, int clients, int roomSize, double rate, int warmupSeconds, int windowSeconds,
               int drainSeconds, int payloadChars) {

  /** Holdspace's default limit, 20 messages per member in any 10 s. */
  static final int HOLDSPACE_DEFAULT_LIMIT = 20;

  int rooms() {
    return (clients + roomSize - 1) / roomSize;
  }

  int roomOf(int client) {
    return client / roomSize;
  }

  /** Messages per second the clients are told to send. */
  double offered() {
    return clients * rate;
  }

  /**
   * The per-member limit Holdspace needs for this rate, when its default (20 in 10 s) would refuse messages:
   * twice the rate's count per 10 s, so that timer jitter never hits it. Empty means the default stands.
   */
  OptionalInt holdspaceMessagesPerWindow() {
    double per10s = rate * 10;
    if (per10s + 2 <= HOLDSPACE_DEFAULT_LIMIT) {
      return OptionalInt.empty();
    }
    return OptionalInt.of((int) Math.min(10_000, Math.ceil(per10s * 2)));
  }

  String label() {
    return server.id + " C=" + clients + " S=" + roomSize + " r=" + rate;
  }
}
