package org.holdspace.bench;

import io.vertx.core.http.WebSocketConnectOptions;

/**
 * A Socket.IO v4 client over the WebSocket transport only (Engine.IO 4): answers the open packet with a
 * namespace connect, is in its room (named in the query) once the server's connect packet arrives, answers pings,
 * and sends {@code 42["m", text]} events.
 */
final class SocketIoClient extends BenchClient {
  SocketIoClient(int index, int room, Tally tally, Rooms rooms) {
    super(index, room, tally, rooms);
  }

  @Override
  WebSocketConnectOptions options(String host, int port) {
    return new WebSocketConnectOptions().setHost(host).setPort(port)
        .setURI("/socket.io/?EIO=4&transport=websocket&room=r" + room);
  }

  @Override
  void opened() {
  }

  @Override
  void control(String frame) {
    if (frame.equals("2")) {
      send("3");
    } else if (frame.startsWith("0")) {
      send("40");
    } else if (frame.startsWith("40")) {
      inRoom();
    } else if (frame.startsWith("44")) {
      tally.error("socket.io connect error");
      refused(frame);
    }
  }

  @Override
  String frame(String payload) {
    return "42[\"m\",\"" + payload + "\"]";
  }
}
