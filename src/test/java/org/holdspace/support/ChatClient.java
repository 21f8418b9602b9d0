package org.holdspace.support;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A small client of the {@code /ws} contract: connects, says hello, sends frames with a ref and completes each with
 * its {@code ack} (or fails with its {@code error}), and keeps every frame it received. Used by the tests instead
 * of hand-built frames.
 */
public final class ChatClient implements AutoCloseable {
  private final WebSocketClient client;
  private final WebSocket socket;
  private final AtomicLong refs = new AtomicLong();
  private final Map<String, Promise<JsonObject>> waiting = new ConcurrentHashMap<>();
  private final List<JsonObject> received = new CopyOnWriteArrayList<>();
  private final List<Consumer<JsonObject>> listeners = new CopyOnWriteArrayList<>();
  private final Object signal = new Object();
  private volatile boolean closed;
  private volatile Short closeStatus;

  private ChatClient(WebSocketClient client, WebSocket socket) {
    this.client = client;
    this.socket = socket;
    socket.textMessageHandler(this::onText);
    socket.closeHandler(v -> {
      closed = true;
      closeStatus = socket.closeStatusCode();
      waiting.values().forEach(p -> p.tryFail("socket closed"));
      synchronized (signal) {
        signal.notifyAll();
      }
    });
  }

  /** Opens a socket to {@code ws://host:port/ws}; headers (such as Origin) may be added. */
  public static Future<ChatClient> connect(Vertx vertx, String host, int port, Map<String, String> headers) {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxFrameSize(1024 * 1024).setMaxMessageSize(4 * 1024 * 1024));
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(host).setPort(port).setURI("/ws");
    headers.forEach(options::addHeader);
    return client.connect(options).map(ws -> new ChatClient(client, ws));
  }

  public static Future<ChatClient> connect(Vertx vertx, int port) {
    return connect(vertx, "127.0.0.1", port, Map.of());
  }

  private void onText(String text) {
    JsonObject frame = new JsonObject(text);
    received.add(frame);
    String ref = frame.getString("ref");
    String type = frame.getString("type");
    if (ref != null && ("ack".equals(type) || "error".equals(type))) {
      Promise<JsonObject> promise = waiting.remove(ref);
      if (promise != null) {
        if ("ack".equals(type)) {
          promise.tryComplete(frame);
        } else {
          promise.tryFail(new ErrorFrame(frame));
        }
      }
    }
    listeners.forEach(l -> l.accept(frame));
    synchronized (signal) {
      signal.notifyAll();
    }
  }

  /** Calls the listener with every later frame, on the socket's event loop. */
  public void onFrame(Consumer<JsonObject> listener) {
    listeners.add(listener);
  }

  /** Sends the frame as it is, with no ref added. */
  public Future<Void> sendRaw(String text) {
    return socket.writeTextMessage(text);
  }

  /** Sends the frame with a fresh ref; completes with its ack, or fails with an {@link ErrorFrame}. */
  public Future<JsonObject> request(JsonObject frame) {
    String ref = "r" + refs.incrementAndGet();
    Promise<JsonObject> promise = Promise.promise();
    waiting.put(ref, promise);
    socket.writeTextMessage(frame.copy().put("ref", ref).encode()).onFailure(e -> {
      waiting.remove(ref);
      promise.tryFail(e);
    });
    return promise.future();
  }

  /** Says hello with the token; completes with the welcome frame or fails with the error. */
  public Future<JsonObject> hello(String token) {
    Promise<JsonObject> promise = Promise.promise();
    Consumer<JsonObject> listener = frame -> {
      if ("welcome".equals(frame.getString("type"))) {
        promise.tryComplete(frame);
      } else if ("error".equals(frame.getString("type"))) {
        promise.tryFail(new ErrorFrame(frame));
      }
    };
    listeners.add(listener);
    socket.writeTextMessage(new JsonObject().put("type", "hello").put("token", token).encode());
    return promise.future().onComplete(ar -> listeners.remove(listener));
  }

  /** Joins a group; completes with the joined frame, or fails with the error. */
  public Future<JsonObject> join(long groupId, Long after) {
    String ref = "j" + refs.incrementAndGet();
    Promise<JsonObject> promise = Promise.promise();
    Consumer<JsonObject> listener = frame -> {
      if ("joined".equals(frame.getString("type")) && frame.getLong("groupId") == groupId) {
        promise.tryComplete(frame);
      } else if ("error".equals(frame.getString("type")) && ref.equals(frame.getString("ref"))) {
        promise.tryFail(new ErrorFrame(frame));
      }
    };
    listeners.add(listener);
    JsonObject join = new JsonObject().put("type", "join").put("groupId", groupId).put("ref", ref);
    if (after != null) {
      join.put("after", after);
    }
    socket.writeTextMessage(join.encode());
    return promise.future().onComplete(ar -> listeners.remove(listener));
  }

  /** Says the text in the group; completes with the seq the server acknowledged. */
  public Future<Long> say(long groupId, String text, String clientId) {
    JsonObject say = new JsonObject().put("type", "say").put("groupId", groupId).put("text", text);
    if (clientId != null) {
      say.put("clientId", clientId);
    }
    return request(say).map(ack -> ack.getLong("seq"));
  }

  /** Every frame received so far, oldest first. */
  public List<JsonObject> received() {
    return new ArrayList<>(received);
  }

  /** The events of a group received so far, in arrival order. */
  public List<JsonObject> events(long groupId) {
    return received.stream()
        .filter(f -> "event".equals(f.getString("type")) && f.getLong("groupId") == groupId)
        .toList();
  }

  /** Blocks (never on an event loop) until a received frame matches, and answers it. */
  public JsonObject await(Predicate<JsonObject> match, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (signal) {
      while (true) {
        for (JsonObject frame : received) {
          if (match.test(frame)) {
            return frame;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no matching frame within " + timeout + "; received " + received,
              new TimeoutException());
        }
        try {
          signal.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted", e);
        }
      }
    }
  }

  /** Blocks until the group's events reach {@code count}, and answers them. */
  public List<JsonObject> awaitEvents(long groupId, int count, Duration timeout) {
    await(f -> events(groupId).size() >= count, timeout);
    return events(groupId);
  }

  /** Blocks until the server closes the socket; answers its close status. */
  public Short awaitClose(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (signal) {
      while (!closed) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("socket still open after " + timeout);
        }
        try {
          signal.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted", e);
        }
      }
    }
    return closeStatus;
  }

  public boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    if (!closed) {
      socket.close();
    }
    client.close();
  }

  /** A refusal from the server: its code and message. */
  public static final class ErrorFrame extends RuntimeException {
    private final JsonObject frame;

    public ErrorFrame(JsonObject frame) {
      super(frame.getString("code") + ": " + frame.getString("message"), null, false, false);
      this.frame = frame;
    }

    public String code() {
      return frame.getString("code");
    }

    public JsonObject frame() {
      return frame;
    }
  }

  /** Common waits. */
  public static Duration seconds(long n) {
    return Duration.ofSeconds(n);
  }
}
