package org.holdspace.chat;

import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import org.holdspace.core.Addresses;
import org.holdspace.core.AuthUser;
import org.holdspace.core.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * One WebSocket connection's frame loop: {@code hello} first, then every frame through the {@link Commands} table.
 * Every frame gets an ack or an error with its ref; a bad frame never closes the socket and never changes state.
 * When the node drains, frames that arrive are refused as {@code unavailable} (the client sends them again once it
 * has reconnected), and once every command in flight is answered the socket gets a {@code goodbye} and is closed
 * with 1012 (service restart).
 */
final class ChatSocket implements Command.Connection {
  private static final Logger LOG = LoggerFactory.getLogger(ChatSocket.class);
  private static final long HELLO_TIMEOUT_MS = 10_000;
  static final long PING_EVERY_MS = 25_000;
  private static final long SILENT_LIMIT_MS = 75_000;
  /** The WebSocket close status for a server that restarts: come back, possibly to another node. */
  static final short SERVICE_RESTART = 1012;

  private final Vertx vertx;
  private final ServerWebSocket ws;
  private final ChatGateway gateway;
  private final ChatGateway.Dependencies deps;
  private final SocketWriter writer;
  private final String connectionId = UUID.randomUUID().toString();
  private AuthUser user;
  private Rooms rooms;
  private boolean closed;
  private boolean draining;
  private boolean saidGoodbye;
  private int inFlight;
  private final Promise<Void> gone = Promise.promise();
  private long lastHeard = System.currentTimeMillis();
  private long helloTimer;
  private MessageConsumer<JsonObject> privateFrames;
  private final SocketSignIn signIn;

  ChatSocket(Vertx vertx, ServerWebSocket ws, ChatGateway gateway) {
    this.vertx = vertx;
    this.ws = ws;
    this.gateway = gateway;
    this.deps = gateway.deps();
    this.writer = new SocketWriter(vertx, ws, this::cleanUp);
    this.signIn = new SocketSignIn(vertx, reason -> refuseAndClose(null, reason));
  }

  void start() {
    deps.meters().connectionOpened();
    ws.textMessageHandler(this::onText);
    ws.binaryMessageHandler(b -> error(null, Refusal.invalid("frame: only text frames are read")));
    ws.pongHandler(b -> lastHeard = System.currentTimeMillis());
    ws.exceptionHandler(this::onFailure);
    ws.closeHandler(v -> cleanUp());
    helloTimer = vertx.setTimer(HELLO_TIMEOUT_MS, id -> {
      if (user == null) {
        refuseAndClose(null, "no hello within 10 seconds");
      }
    });
  }

  /**
   * A frame the decoder refused from its header (over the 256 KiB limit: 1009; compressed or otherwise malformed:
   * 1002) is answered with its close status before the connection goes, instead of a silent drop.
   */
  private void onFailure(Throwable e) {
    if (e instanceof CorruptedWebSocketFrameException corrupt && !ws.isClosed()) {
      LOG.debug("Closing a socket that sent a refused frame: {}", corrupt.closeStatus());
      // Vert.x closes the channel right after this handler, before its own writes are flushed: the close frame is
      // written and flushed on the channel itself so that it goes out first.
      if (ws instanceof io.vertx.core.http.impl.WebSocketImplBase<?> impl) {
        impl.channelHandlerContext().writeAndFlush(new CloseWebSocketFrame(corrupt.closeStatus()));
      } else {
        ws.close((short) corrupt.closeStatus().code(), corrupt.closeStatus().reasonText());
      }
      return;
    }
    LOG.debug("WebSocket error: {}", e.getMessage());
  }

  /** Pings the client, or closes a socket it has not answered for too long ({@link ChatGateway} calls it). */
  void heartbeat() {
    if (System.currentTimeMillis() - lastHeard > SILENT_LIMIT_MS) {
      ws.close((short) 1001, "no answer to ping");
      return;
    }
    ws.writePing(Buffer.buffer("hs"));
  }

  private void onText(String text) {
    lastHeard = System.currentTimeMillis();
    Frame frame;
    try {
      frame = Frame.parse(text);
    } catch (Refusal e) {
      error(null, e);
      return;
    } catch (Frame.FrameError e) {
      error(e.ref(), e.error());
      return;
    }
    try {
      dispatch(frame);
    } catch (Refusal e) {
      error(frame.ref(), e);
    }
  }

  private void dispatch(Frame frame) {
    if (draining) {
      throw Refusal.unavailable("this server is shutting down; send it again once reconnected");
    }
    Command command = deps.commands().find(frame.type());
    boolean hello = command != null && command.access() == Command.Access.HELLO;
    if (!hello && user == null) {
      throw Refusal.unauthenticated("send hello with a token first");
    }
    if (command == null) {
      throw Commands.unknown(frame.type());
    }
    if (!command.onGroup()) {
      answer(frame, command, command.handler().run(new Command.Call(user, this, null, 0, frame)));
      return;
    }
    long groupId = frame.groupId();
    answer(frame, command, rooms.standing(groupId)
        .compose(standing -> command.run(new Command.Call(user, this, standing, groupId, frame))));
  }

  private void answer(Frame frame, Command command, Future<Long> result) {
    inFlight++;
    result.onComplete(ar -> {
      inFlight--;
      if (ar.failed()) {
        error(frame.ref(), ar.cause());
      } else if (command.acked()) {
        ack(frame.ref(), ar.result());
      }
      goodbyeWhenIdle();
    });
  }

  /** Starts this socket's part of the drain; completes once the socket is closed. */
  Future<Void> drain() {
    draining = true;
    goodbyeWhenIdle();
    return gone.future();
  }

  /** While draining: the goodbye and the close, once every command in flight has its answer written before them. */
  private void goodbyeWhenIdle() {
    if (!draining || saidGoodbye || closed || inFlight > 0) {
      return;
    }
    send(new JsonObject().put("type", "goodbye").put("reason", "shutdown"));
    saidGoodbye = true;
    ws.close(SERVICE_RESTART, "shutdown");
  }

  @Override
  public Future<Long> hello(Frame frame) {
    String token = frame.text("token");
    if (user != null) {
      return renew(frame.ref(), token);
    }
    ws.pause(); // frames sent right behind the hello wait for it instead of being refused
    deps.auth().verifyForSocket(token).onComplete(ar -> {
      ws.resume();
      if (closed || saidGoodbye) {
        return;
      }
      if (ar.failed()) {
        boolean down = ar.cause() instanceof Refusal r && r.code() == Refusal.Code.UNAVAILABLE;
        boolean totp = ar.cause() instanceof Refusal r && r.code() == Refusal.Code.TOTP_SETUP_REQUIRED;
        error(frame.ref(), down || totp ? ar.cause() : Refusal.unauthenticated("the token is not valid"));
        ws.close((short) (down ? 1013 : 1008), down ? "try again later" : "unauthenticated");
        return;
      }
      if (!deps.sockets().open(ar.result().user().id())) {
        error(frame.ref(), Refusal.rateLimited("too many open sockets for this account"));
        ws.close((short) 1008, "too many sockets");
        return;
      }
      user = ar.result().user();
      signIn.renew(ar.result());
      rooms = new Rooms(vertx, gateway, writer, user, connectionId);
      vertx.cancelTimer(helloTimer);
      io.vertx.core.Handler<io.vertx.core.eventbus.Message<JsonObject>> frames = signIn.privateFrames(this::send);
      privateFrames = vertx.eventBus().consumer(Addresses.user(user.id()), message -> {
        String group = message.headers().get(Addresses.STANDING_CHANGED);
        if (group == null) {
          frames.handle(message);
        } else if (rooms != null) {
          rooms.standingChanged(Long.parseLong(group));
        }
      });
      // Welcome once the private address is known to every node, so a whisper sent after it cannot miss the socket.
      privateFrames.completion().onComplete(registered -> {
        if (registered.failed()) {
          LOG.warn("Private frames could not be registered: {}", registered.cause().getMessage());
        }
        send(new JsonObject().put("type", "welcome").put("user", user.toJson()));
      });
    });
    return Future.succeededFuture();
  }

  /** A later hello: a token of the same account renews the socket's sign-in; any other is refused. */
  private Future<Long> renew(String ref, String token) {
    return deps.auth().verifyForSocket(token).transform(ar -> {
      if (ar.failed()) {
        return Future.failedFuture(Refusal.unauthenticated("token: not valid; this socket keeps its sign-in"));
      }
      if (ar.result().user().id() != user.id()) {
        return Future.failedFuture(Refusal.forbidden("token: names another account than this socket's"));
      }
      signIn.renew(ar.result());
      JsonObject welcome = new JsonObject().put("type", "welcome").put("user", ar.result().user().toJson());
      send(ref == null ? welcome : welcome.put("ref", ref));
      return Future.succeededFuture();
    });
  }

  @Override
  public Future<Long> join(Frame frame) {
    return rooms.join(frame);
  }

  @Override
  public Future<Long> leave(Frame frame) {
    return rooms.leave(frame);
  }

  @Override
  public Future<Long> typing(Frame frame) {
    return rooms.typing(frame);
  }

  private void refuseAndClose(String ref, String message) {
    error(ref, Refusal.unauthenticated(message));
    ws.close((short) 1008, "unauthenticated");
  }

  private void ack(String ref, Long seq) {
    JsonObject ack = new JsonObject().put("type", "ack");
    if (ref != null) {
      ack.put("ref", ref);
    }
    if (seq != null) {
      ack.put("seq", seq);
    }
    send(ack);
  }

  private void error(String ref, Throwable failure) {
    send(ErrorFrames.of(ref, failure));
  }

  private void send(JsonObject frame) {
    if (saidGoodbye) {
      return;
    }
    writer.write(frame.encode());
  }

  private void cleanUp() {
    if (closed) {
      return;
    }
    closed = true;
    writer.stop();
    deps.meters().connectionClosed();
    vertx.cancelTimer(helloTimer);
    signIn.stop();
    if (privateFrames != null) {
      privateFrames.unregister();
    }
    gateway.closed(this);
    if (user != null) {
      deps.sockets().close(user.id());
    }
    // A drain waits for the leaves too, so that they are recorded before the pool closes.
    (rooms == null ? Future.<Void>succeededFuture() : rooms.close()).onComplete(ar -> gone.complete());
  }
}
