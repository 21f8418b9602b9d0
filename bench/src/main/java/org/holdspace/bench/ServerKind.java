package org.holdspace.bench;

import java.util.Locale;

/** The servers compared: Holdspace and the peers a team would deploy instead. */
enum ServerKind {
  HOLDSPACE("holdspace", "Holdspace as shipped: embedded PostgreSQL (fsync and synchronous_commit on)"),
  HOLDSPACE_PG("holdspace-pg", "Holdspace on a durable PostgreSQL (DATABASE_URL: fsync and synchronous_commit on)"),
  WS("ws", "Node ws broadcast (in memory)"),
  SOCKETIO("socketio", "Socket.IO rooms (in memory)"),
  PROSODY("prosody", "Prosody XMPP MUC over WebSocket (in memory)");

  final String id;
  final String label;

  ServerKind(String id, String label) {
    this.id = id;
    this.label = label;
  }

  boolean isHoldspace() {
    return this == HOLDSPACE || this == HOLDSPACE_PG;
  }

  static ServerKind named(String name) {
    for (ServerKind k : values()) {
      if (k.id.equals(name.toLowerCase(Locale.ROOT))) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown server '" + name + "'; one of holdspace, holdspace-pg, ws, socketio, prosody");
  }
}
