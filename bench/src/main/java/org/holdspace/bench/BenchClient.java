package org.holdspace.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;

/**
 * One simulated chat user of any server: opens its WebSocket, runs the protocol's handshake up to "in the room",
 * then sends payloads on demand and hands every payload it receives to the {@link Tally}. It keeps nothing it
 * receives, so that the generator stays cheap next to the server it measures. Everything runs on its context.
 */
abstract class BenchClient {
  final int index;
  final int room;
  final Tally tally;
  final Rooms rooms;
  Context context;
  WebSocket ws;
  private final Promise<Void> ready = Promise.promise();
  private boolean inRoom;
  private volatile boolean stopping;
  long seq;
  long nextDue;

  BenchClient(int index, int room, Tally tally, Rooms rooms) {
    this.index = index;
    this.room = room;
    this.tally = tally;
    this.rooms = rooms;
  }

  /** The handshake request: path, query and subprotocols. */
  abstract WebSocketConnectOptions options(String host, int port);

  /** Called once the socket is open: start the protocol's handshake. */
  abstract void opened();

  /** A frame that carries no payload: handshake steps, acks, errors, pings. */
  abstract void control(String frame);

  /** The frame that sends the payload text to the room. */
  abstract String frame(String payload);

  /** Connects and completes once the client is in its room. Call on the client's context. */
  Future<Void> connect(WebSocketClient client, String host, int port) {
    client.connect(options(host, port)).onComplete(ar -> {
      if (ar.failed()) {
        ready.tryFail(ar.cause());
        return;
      }
      ws = ar.result();
      ws.textMessageHandler(this::onText);
      ws.exceptionHandler(e -> tally.error("socket: " + e.getClass().getSimpleName()));
      ws.closeHandler(v -> closed());
      opened();
    });
    return ready.future();
  }

  private static final boolean TRACE = System.getenv("BENCH_TRACE") != null;

  private void onText(String text) {
    if (TRACE && index == 0) {
      System.out.println("[client 0] " + (text.length() > 300 ? text.substring(0, 300) : text));
    }
    Payload.Found found = Payload.find(text);
    if (found != null) {
      tally.received(found.dueNanos(), System.nanoTime());
    } else {
      control(text);
    }
  }

  /** The protocol says the client is now in its room. */
  void inRoom() {
    if (!inRoom) {
      inRoom = true;
      rooms.enter(room);
      ready.tryComplete();
    }
  }

  /** The protocol refused the handshake. */
  void refused(String why) {
    ready.tryFail(why);
    if (ws != null) {
      ws.close();
    }
  }

  void send(String text) {
    if (TRACE && index == 0) {
      System.out.println("[client 0 sends] " + text);
    }
    ws.writeTextMessage(text).onFailure(e -> tally.error("write failed"));
  }

  void write(String payload) {
    send(frame(payload));
  }

  boolean isInRoom() {
    return inRoom;
  }

  private void closed() {
    if (inRoom) {
      inRoom = false;
      rooms.leave(room);
    }
    if (!stopping) {
      Short status = ws.closeStatusCode();
      tally.error("closed by server (" + status + ")");
    }
    ready.tryFail("closed during the handshake");
  }

  /** Closes the socket at the end of a run. */
  void stop() {
    stopping = true;
    if (ws != null && !ws.isClosed()) {
      ws.close();
    }
  }
}
