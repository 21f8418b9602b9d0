package org.holdspace.bench;

import io.vertx.core.http.WebSocketConnectOptions;

/** A client of the plain ws broadcast server: in the room as soon as the socket is open; frames are the text. */
final class WsClient extends BenchClient {
  WsClient(int index, int room, Tally tally, Rooms rooms) {
    super(index, room, tally, rooms);
  }

  @Override
  WebSocketConnectOptions options(String host, int port) {
    return new WebSocketConnectOptions().setHost(host).setPort(port).setURI("/?room=r" + room);
  }

  @Override
  void opened() {
    inRoom();
  }

  @Override
  void control(String frame) {
  }

  @Override
  String frame(String payload) {
    return payload;
  }
}
