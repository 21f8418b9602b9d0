package org.holdspace.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrame;

import java.nio.charset.StandardCharsets;

/**
 * One simulated chat user of any server: opens its WebSocket, runs the protocol's handshake up to "in the room",
 * then sends payloads on demand and hands every payload it receives to the {@link Tally}. It keeps nothing it
 * receives, so that the generator stays cheap next to the server it measures: a payload is found in the frame's
 * bytes and counted into its event loop's {@link Tally.Lane}; only frames without one (the protocol's own) are
 * decoded to text. Everything runs on its context.
 */
abstract class BenchClient implements Pacer.Paced {
  final int index;
  final int room;
  final Tally tally;
  final Rooms rooms;
  Context context;
  Tally.Lane lane;
  WebSocket ws;
  private final Promise<Void> ready = Promise.promise();
  private boolean inRoom;
  private volatile boolean stopping;
  long seq;
  private long nextDue;
  /** The text message being received in several frames, if any (the servers compared send one frame each). */
  private Buffer fragments;

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
      ws.frameHandler(this::onFrame);
      ws.exceptionHandler(e -> tally.error("socket: " + e.getClass().getSimpleName()));
      ws.closeHandler(v -> closed());
      opened();
    });
    return ready.future();
  }

  private static final boolean TRACE = System.getenv("BENCH_TRACE") != null;

  private void onFrame(WebSocketFrame frame) {
    if (frame.isText() || (frame.isContinuation() && fragments != null)) {
      if (frame.isFinal() && fragments == null) {
        onText(frame.binaryData());
      } else {
        fragments = fragments == null ? Buffer.buffer().appendBuffer(frame.binaryData())
            : fragments.appendBuffer(frame.binaryData());
        if (frame.isFinal()) {
          Buffer whole = fragments;
          fragments = null;
          onText(whole);
        }
      }
    }
  }

  /** One whole text message, as UTF-8 bytes. */
  private void onText(Buffer bytes) {
    if (TRACE && index == 0) {
      String text = bytes.toString(StandardCharsets.UTF_8);
      System.out.println("[client 0] " + (text.length() > 300 ? text.substring(0, 300) : text));
    }
    long due = Payload.dueNanos(bytes);
    if (due != Payload.NONE) {
      lane.received(due, System.nanoTime());
    } else {
      control(bytes.toString(StandardCharsets.UTF_8));
    }
  }

  @Override
  public long nextDue() {
    return nextDue;
  }

  @Override
  public void nextDue(long nanos) {
    nextDue = nanos;
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
