package org.holdspace.chat;

import org.holdspace.grouplog.EventLog;
import org.holdspace.presence.Presence;
import org.holdspace.whisper.Whispers;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.holdspace.auth.AuthHandler;
import org.holdspace.config.Config;
import org.holdspace.core.Drain;
import org.holdspace.group.GroupAccess;
import org.holdspace.http.Responses;
import org.holdspace.metrics.Meters;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code /ws} endpoint of one event loop: checks the Origin before the upgrade, runs a {@link ChatSocket} per
 * connection and keeps one {@link GroupFeed} per group that its sockets have joined. While the node drains it
 * refuses new sockets and {@link #drain} says goodbye to the open ones.
 */
public final class ChatGateway {
  private static final long AUDIT_MS = 1000;
  private static final int PING_SHARES = 25;
  private final Vertx vertx;
  private final Context context;
  private final Dependencies deps;
  private final Set<ChatSocket> sockets = new LinkedHashSet<>();
  private final Map<Long, GroupFeed> feeds = new HashMap<>();
  private final Set<String> allowedOrigins;
  private boolean auditing;
  private int pingTurn;

  /** What the sockets need, built once for the process and shared by every event loop. */
  public record Dependencies(AuthHandler auth, GroupAccess access, EventLog log, Presence presence, Commands commands,
                             Whispers whispers, Config.ChatLimits limits, List<String> origins, Meters meters,
                             Drain drain, AccountSockets sockets) {
  }

  public ChatGateway(Vertx vertx, Dependencies deps) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.deps = deps;
    this.allowedOrigins = Set.copyOf(deps.origins());
    vertx.setPeriodic(AUDIT_MS, id -> audit());
    // One timer per event loop pings its sockets, instead of a periodic timer held by each idle socket. Each tick
    // pings one share of them, so that thousands of pings (and their pongs) never come at once between messages.
    vertx.setPeriodic(ChatSocket.PING_EVERY_MS / PING_SHARES, id -> pingShare());
  }

  public void mount(Router router) {
    router.get("/ws").handler(this::upgrade);
  }

  private void upgrade(RoutingContext ctx) {
    String origin = ctx.request().getHeader("Origin");
    if (origin != null && !originAllowed(ctx, origin)) {
      Responses.json(ctx, 403, new JsonObject().put("code", "forbidden").put("message", "origin not allowed"));
      return;
    }
    if (deps.drain().draining()) {
      ctx.response().putHeader("Retry-After", "1");
      Responses.json(ctx, 503, new JsonObject().put("code", "unavailable")
          .put("message", "this server is shutting down; connect again"));
      return;
    }
    HttpConnection connection = ctx.request().connection();
    ctx.request().toWebSocket().onSuccess(ws -> {
      SocketWriter.consolidateFlushes(connection);
      ChatSocket socket = new ChatSocket(vertx, ws, this);
      sockets.add(socket);
      socket.start();
    });
  }

  /**
   * Says goodbye to every open socket of this event loop once its commands in flight are answered, and completes
   * when they are all closed. Call it after {@link Drain#begin}, from any thread.
   */
  public Future<Void> drain() {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> {
      List<Future<Void>> closing = new ArrayList<>();
      for (ChatSocket socket : List.copyOf(sockets)) {
        closing.add(socket.drain());
      }
      Future.join(closing).<Void>mapEmpty().onComplete(done);
    });
    return done.future();
  }

  /** Pings one of the {@link #PING_SHARES} shares of this event loop's sockets (by identity), the next at each tick. */
  private void pingShare() {
    int share = pingTurn++ % PING_SHARES;
    for (ChatSocket socket : List.copyOf(sockets)) {
      if (Math.floorMod(System.identityHashCode(socket), PING_SHARES) == share) {
        socket.heartbeat();
      }
    }
  }

  void closed(ChatSocket socket) {
    sockets.remove(socket);
  }

  private boolean originAllowed(RoutingContext ctx, String origin) {
    String own = ctx.request().scheme() + "://" + ctx.request().authority();
    return origin.equalsIgnoreCase(own) || allowedOrigins.contains(origin);
  }

  Dependencies deps() {
    return deps;
  }

  /**
   * Compares what the store holds with what the local sockets were given. A live event can miss a node: it was
   * published while the node's subscription was still spreading through the cluster, or its node died between the
   * commit and the publish. A socket still behind what the store held one round earlier reads the rest from the
   * store, so such an event arrives within two rounds even when no later event reveals the gap.
   */
  private void audit() {
    if (feeds.isEmpty() || auditing) {
      return;
    }
    auditing = true;
    deps.log().lastSeqs(List.copyOf(feeds.keySet())).onComplete(ar -> {
      auditing = false;
      if (ar.succeeded()) {
        ar.result().forEach((groupId, lastSeq) -> {
          GroupFeed feed = feeds.get(groupId);
          if (feed != null) {
            feed.stored(lastSeq);
          }
        });
      }
    });
  }

  GroupFeed subscribe(long groupId, GroupFeed.Listener listener) {
    GroupFeed feed = feeds.computeIfAbsent(groupId, id -> new GroupFeed(vertx, id));
    feed.add(listener);
    return feed;
  }

  void unsubscribe(long groupId, GroupFeed.Listener listener) {
    GroupFeed feed = feeds.get(groupId);
    if (feed != null && feed.remove(listener)) {
      feeds.remove(groupId);
    }
  }
}
