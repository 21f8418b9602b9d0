package org.holdspace.chat;

import org.holdspace.core.Addresses;
import org.holdspace.grouplog.GroupSnapshot;
import org.holdspace.core.Refusal;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import org.holdspace.core.AuthUser;
import org.holdspace.group.GroupAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One WebSocket connection: {@code hello} first, then joins, messages and commands. Every frame gets an ack or an
 * error with its ref; a bad frame never closes the socket and never changes state.
 */
final class ChatSocket {
  private static final Logger LOG = LoggerFactory.getLogger(ChatSocket.class);
  private static final long HELLO_TIMEOUT_MS = 10_000;
  private static final long PING_EVERY_MS = 25_000;
  private static final long SILENT_LIMIT_MS = 75_000;
  private static final long SLOW_READER_LIMIT_MS = 15_000;
  private static final int MAX_CLIENT_ID = 100;
  /** Bytes a socket may have waiting beyond a full write queue before it is closed. */
  static final long MAX_BACKLOG_BYTES = 1024 * 1024;

  private final Vertx vertx;
  private final ServerWebSocket ws;
  private final ChatGateway gateway;
  private final ChatGateway.Dependencies deps;
  private final String connectionId = UUID.randomUUID().toString();
  private final Map<Long, Joined> joined = new HashMap<>();
  private final Map<Long, GroupAccess.Standing> standings = new HashMap<>();
  private AuthUser user;
  private boolean closed;
  private int joins;
  private long lastHeard = System.currentTimeMillis();
  private long lastTyping;
  private long helloTimer;
  private long pingTimer;
  private long slowSince;
  private long backlogBytes;
  private boolean dropping;
  private io.vertx.core.eventbus.MessageConsumer<JsonObject> privateFrames;

  ChatSocket(Vertx vertx, ServerWebSocket ws, ChatGateway gateway, ChatGateway.Dependencies deps) {
    this.vertx = vertx;
    this.ws = ws;
    this.gateway = gateway;
    this.deps = deps;
  }

  void start() {
    deps.meters().connectionOpened();
    ws.textMessageHandler(this::onText);
    ws.binaryMessageHandler(b -> error(null, Refusal.invalid("frame: only text frames are read")));
    ws.pongHandler(b -> lastHeard = System.currentTimeMillis());
    ws.exceptionHandler(e -> LOG.debug("WebSocket error: {}", e.getMessage()));
    ws.closeHandler(v -> cleanUp());
    helloTimer = vertx.setTimer(HELLO_TIMEOUT_MS, id -> {
      if (user == null) {
        refuseAndClose(null, "no hello within 10 seconds");
      }
    });
    pingTimer = vertx.setPeriodic(PING_EVERY_MS, id -> heartbeat());
  }

  private void heartbeat() {
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
    if (frame.type().equals("hello")) {
      hello(frame);
      return;
    }
    if (user == null) {
      throw Refusal.unauthenticated("send hello with a token first");
    }
    switch (frame.type()) {
      case "join" -> join(frame);
      case "leave" -> leave(frame);
      case "typing" -> typing(frame);
      case "say" -> say(frame);
      default -> command(frame);
    }
  }

  private void hello(Frame frame) {
    if (user != null) {
      throw Refusal.invalid("type: hello was already accepted on this socket");
    }
    String token = frame.text("token");
    deps.tokens().verify(token).onComplete(ar -> {
      if (closed) {
        return;
      }
      if (ar.failed()) {
        refuseAndClose(frame.ref(), "the token is not valid");
        return;
      }
      user = ar.result();
      vertx.cancelTimer(helloTimer);
      privateFrames = vertx.eventBus().consumer(Addresses.user(user.id()), message -> send(message.body()));
      // Welcome once the private address is known to every node, so a whisper sent after it cannot miss the socket.
      privateFrames.completion().onComplete(registered -> {
        if (registered.failed()) {
          LOG.warn("Private frames could not be registered: {}", registered.cause().getMessage());
        }
        send(new JsonObject().put("type", "welcome").put("user", user.toJson()));
      });
    });
  }

  private void refuseAndClose(String ref, String message) {
    error(ref, Refusal.unauthenticated(message));
    ws.close((short) 1008, "unauthenticated");
  }

  private Future<GroupAccess.Standing> standing(long groupId) {
    GroupAccess.Standing known = standings.get(groupId);
    if (known != null) {
      return Future.succeededFuture(known);
    }
    return deps.access().standing(user, groupId).map(s -> {
      if (s == GroupAccess.Standing.NONE) {
        throw Refusal.forbidden("groupId: you do not belong to this group");
      }
      standings.put(groupId, s);
      return s;
    });
  }

  private void join(Frame frame) {
    long groupId = frame.groupId();
    Long after = frame.optionalCount("after");
    if (++joins > deps.limits().joinsPerSocket()) {
      throw Refusal.rateLimited("too many joins on this socket");
    }
    standing(groupId)
        .compose(s -> deps.log().read(groupId).map(snapshot -> {
          if (s == GroupAccess.Standing.MEMBER && snapshot.live() && snapshot.state().isRemoved(user.id())) {
            throw Refusal.forbidden("you were removed from this session");
          }
          return s;
        }))
        .compose(s -> attach(groupId))
        .compose(j -> deps.presence().enter(groupId, user, connectionId)
            .compose(v -> Future.all(deps.log().read(groupId), deps.presence().present(groupId)))
            .map(snapshot -> {
              if (!j.detached) {
                sendJoined(j, snapshot.resultAt(0), snapshot.resultAt(1), after);
              }
              return j;
            })
            .onFailure(e -> detach(groupId, false)))
        .onFailure(e -> error(frame.ref(), e));
  }

  private void sendJoined(Joined j, GroupSnapshot s, java.util.List<Long> present, Long after) {
    JsonObject state = s.state().toWire(System.currentTimeMillis())
        .put("present", new io.vertx.core.json.JsonArray(present));
    String role = standings.get(j.groupId) == GroupAccess.Standing.FACILITATOR ? "facilitator" : "member";
    send(new JsonObject().put("type", "joined").put("groupId", j.groupId).put("lastSeq", s.lastSeq())
        .put("session", s.sessionJson()).put("state", state).put("you", new JsonObject().put("role", role)));
    long start = after == null ? Math.max(0, s.lastSeq() - deps.limits().replayLimit()) : Math.min(after, s.lastSeq());
    j.liveAfter = s.lastSeq();
    j.subscription.startAfter(start);
  }

  private Future<Joined> attach(long groupId) {
    if (closed) {
      return Future.failedFuture(Refusal.notFound("socket closed"));
    }
    Joined previous = joined.remove(groupId);
    if (previous != null) {
      previous.detach();
    }
    Joined j = new Joined(groupId);
    joined.put(groupId, j);
    return j.feed.ready().map(j);
  }

  private void detach(long groupId, boolean recordLeave) {
    Joined j = joined.remove(groupId);
    if (j == null) {
      return;
    }
    j.detach();
    if (recordLeave) {
      deps.presence().leave(groupId, user, connectionId)
          .onFailure(e -> LOG.warn("Could not record leaving group {}: {}", groupId, e.getMessage()));
    }
  }

  private void leave(Frame frame) {
    long groupId = frame.groupId();
    if (!joined.containsKey(groupId)) {
      throw Refusal.notFound("groupId: not joined on this socket");
    }
    detach(groupId, true);
    ack(frame.ref(), null);
  }

  private void typing(Frame frame) {
    long groupId = frame.groupId();
    if (!joined.containsKey(groupId)) {
      throw Refusal.notFound("groupId: join the group first");
    }
    long now = System.currentTimeMillis();
    if (now - lastTyping < 1000) {
      return;
    }
    lastTyping = now;
    vertx.eventBus().publish(Addresses.group(groupId), new JsonObject().put("type", "typing").put("groupId", groupId)
        .put("from", new JsonObject().put("id", user.id()).put("displayName", user.displayName())));
  }

  private void say(Frame frame) {
    long groupId = frame.groupId();
    String text = frame.text("text");
    String clientId = frame.optionalText("clientId");
    if (text.isBlank()) {
      throw Refusal.invalid("text: must not be empty");
    }
    if (text.codePointCount(0, text.length()) > deps.limits().maxMessageLength()) {
      throw Refusal.tooLarge("text: at most " + deps.limits().maxMessageLength() + " characters");
    }
    if (clientId != null && (clientId.isEmpty() || clientId.length() > MAX_CLIENT_ID)) {
      throw Refusal.invalid("clientId: must have 1 to " + MAX_CLIENT_ID + " characters");
    }
    run(frame, groupId, (u, standing, g, f) -> {
      if (standing != GroupAccess.Standing.FACILITATOR && !gateway.tryMessage(u.id())) {
        return Future.failedFuture(Refusal.rateLimited("too many messages; wait a few seconds"));
      }
      return deps.commands().get("say").run(u, standing, g, f);
    });
  }

  private void command(Frame frame) {
    GroupCommand command = deps.commands().get(frame.type());
    if (command == null || frame.type().equals("say")) {
      throw Refusal.invalid("type: unknown frame type '" + abbreviate(frame.type()) + "'");
    }
    run(frame, frame.groupId(), command);
  }

  private void run(Frame frame, long groupId, GroupCommand command) {
    standing(groupId)
        .compose(s -> command.run(user, s, groupId, frame))
        .onComplete(ar -> {
          if (ar.succeeded()) {
            ack(frame.ref(), ar.result());
          } else {
            error(frame.ref(), ar.cause());
          }
        });
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
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

  /** Writes a frame (see {@link #sendText}). */
  void send(JsonObject frame) {
    sendText(frame.encode());
  }

  /**
   * Writes an encoded frame. A client that stops reading fills the write queue; what is written past that point is
   * counted, and the socket is closed once that backlog passes {@link #MAX_BACKLOG_BYTES} or the queue has stayed
   * full for {@link #SLOW_READER_LIMIT_MS}, so a slow reader holds a bounded amount of memory and never slows the
   * others. It can resume with {@code after} from the last seq it saw.
   */
  private void sendText(String text) {
    if (closed || dropping || ws.isClosed()) {
      return;
    }
    if (ws.writeQueueFull()) {
      if (slowSince == 0) {
        slowSince = System.currentTimeMillis();
        long episode = slowSince;
        ws.drainHandler(v -> {
          slowSince = 0;
          backlogBytes = 0;
        });
        vertx.setTimer(SLOW_READER_LIMIT_MS, id -> {
          if (slowSince == episode) {
            dropSlowReader();
          }
        });
      }
      backlogBytes += text.length();
      if (backlogBytes > MAX_BACKLOG_BYTES) {
        dropSlowReader();
        return;
      }
    }
    ws.writeTextMessage(text);
  }

  private void dropSlowReader() {
    if (closed || dropping) {
      return;
    }
    dropping = true;
    LOG.info("Closing a socket whose client stopped reading ({} bytes waiting)", backlogBytes);
    ws.close((short) 1008, "client too slow to read");
    // The close frame waits behind everything queued and the connection goes only after the closing timeout:
    // leave the rooms and release the subscriptions now.
    cleanUp();
  }

  private void cleanUp() {
    if (closed) {
      return;
    }
    closed = true;
    deps.meters().connectionClosed();
    vertx.cancelTimer(helloTimer);
    vertx.cancelTimer(pingTimer);
    if (privateFrames != null) {
      privateFrames.unregister();
    }
    for (Long groupId : joined.keySet().toArray(new Long[0])) {
      detach(groupId, true);
    }
  }

  /** This socket's membership of one group's live stream. */
  private final class Joined implements GroupFeed.Listener {
    final long groupId;
    final Subscription subscription;
    final GroupFeed feed;
    boolean detached;
    /** Events after this seq happened since the join; their delivery time is measured. */
    long liveAfter = Long.MAX_VALUE;

    Joined(long groupId) {
      this.groupId = groupId;
      this.subscription = new Subscription(vertx, deps.log(), groupId, this::deliver);
      this.feed = gateway.subscribe(groupId, this);
    }

    private void deliver(FeedEvent event) {
      sendText(event.text());
      if (event.seq > liveAfter) {
        deps.meters().delivered(event.storedAtMillis());
      }
      if ("remove".equals(event.frame.getString("kind")) && event.frame.getLong("userId", -1L) == user.id()) {
        vertx.runOnContext(v -> ChatSocket.this.detach(groupId, true));
      }
    }

    @Override
    public void onEvent(FeedEvent event) {
      subscription.offer(event);
    }

    @Override
    public void onStored(long lastSeq) {
      subscription.stored(lastSeq);
    }

    @Override
    public void onSignal(JsonObject signal) {
      if ("alert".equals(signal.getString("type"))) {
        if (standings.get(groupId) == GroupAccess.Standing.FACILITATOR) {
          send(signal);
        }
        return;
      }
      JsonObject from = signal.getJsonObject("from");
      if (from == null || from.getLong("id") != user.id()) {
        send(signal);
      }
    }

    void detach() {
      detached = true;
      subscription.close();
      gateway.unsubscribe(groupId, this);
    }
  }
}
