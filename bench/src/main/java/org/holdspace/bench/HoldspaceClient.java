package org.holdspace.bench;

import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

/**
 * A member on Holdspace's {@code /ws}: hello with the account's token, join the group, then {@code say}. Every
 * message is stored in PostgreSQL before it is acknowledged or broadcast; the event frames carry the text.
 */
final class HoldspaceClient extends BenchClient {
  private final String token;
  private final long groupId;

  HoldspaceClient(int index, int room, Tally tally, Rooms rooms, String token, long groupId) {
    super(index, room, tally, rooms);
    this.token = token;
    this.groupId = groupId;
  }

  @Override
  WebSocketConnectOptions options(String host, int port) {
    return new WebSocketConnectOptions().setHost(host).setPort(port).setURI("/ws");
  }

  @Override
  void opened() {
    send(new JsonObject().put("type", "hello").put("token", token).encode());
  }

  @Override
  void control(String frame) {
    if (frame.startsWith("{\"type\":\"ack\"") || frame.startsWith("{\"type\":\"event\"")) {
      return;
    }
    JsonObject json = new JsonObject(frame);
    switch (json.getString("type", "")) {
      case "welcome" -> send("{\"type\":\"join\",\"groupId\":" + groupId + ",\"ref\":\"join\"}");
      case "joined" -> inRoom();
      case "error" -> {
        tally.error("server error: " + json.getString("code"));
        if (!isInRoom()) {
          refused(json.getString("code") + ": " + json.getString("message"));
        }
      }
      default -> {
      }
    }
  }

  @Override
  String frame(String payload) {
    return "{\"type\":\"say\",\"groupId\":" + groupId + ",\"text\":\"" + payload + "\",\"clientId\":\"c" + index
        + "-" + seq + "\",\"ref\":\"" + seq + "\"}";
  }
}
