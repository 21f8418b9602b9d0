package org.holdspace.bench;

import java.util.Locale;

/** The servers compared: Holdspace and the peers a team would deploy instead. */
enum ServerKind {
  HOLDSPACE("holdspace", "Holdspace (every message in PostgreSQL first)"),
  WS("ws", "Node ws broadcast (in memory)"),
  SOCKETIO("socketio", "Socket.IO rooms (in memory)"),
  PROSODY("prosody", "Prosody XMPP MUC over WebSocket (in memory)");

  final String id;
  final String label;

  ServerKind(String id, String label) {
    this.id = id;
    this.label = label;
  }

  static ServerKind named(String name) {
    for (ServerKind k : values()) {
      if (k.id.equals(name.toLowerCase(Locale.ROOT))) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown server '" + name + "'; one of holdspace, ws, socketio, prosody");
  }
}
