package org.holdspace.chat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.holdspace.core.AuthUser;
import org.holdspace.group.GroupAccess;
import org.holdspace.grouplog.GroupSnapshot;
import org.holdspace.grouplog.ReadWindow;
import org.holdspace.metrics.Meters;

import java.util.List;
import java.util.function.Consumer;

/**
 * One socket's membership of one group's stream: the {@code joined} frame, the replay from the store, then the live
 * events in seq order, and the signals (typing, alerts) the socket's account may see: alerts go to the group's
 * facilitators and supervisors only.
 */
final class GroupStream implements GroupFeed.Listener {
  private final long groupId;
  private final AuthUser user;
  private final GroupAccess.Standing standing;
  private final Subscription subscription;
  private final GroupFeed feed;
  private final ChatGateway gateway;
  private final Meters meters;
  private final SocketWriter writer;
  private final Consumer<Long> onRemoved;
  private boolean detached;
  private ReadWindow window = ReadWindow.ALL;
  /** Events after this seq happened since the join; their delivery time is measured. */
  private long liveAfter = Long.MAX_VALUE;

  /**
   * Subscribes to the group's feed; {@code onRemoved} runs when the account is removed from the session or its
   * participation ends.
   */
  GroupStream(Vertx vertx, ChatGateway gateway, long groupId, AuthUser user, GroupAccess.Standing standing,
              SocketWriter writer, Consumer<Long> onRemoved) {
    this.groupId = groupId;
    this.user = user;
    this.standing = standing;
    this.gateway = gateway;
    this.meters = gateway.deps().meters();
    this.writer = writer;
    this.onRemoved = onRemoved;
    this.subscription = new Subscription(vertx, gateway.deps().log(), groupId, this::deliver);
    this.feed = gateway.subscribe(groupId, this);
  }

  /** Completes once the feed receives live events on every node. */
  Future<GroupStream> ready() {
    return feed.ready().map(this);
  }

  /** Limits the replay to what the account may read of the log. */
  GroupStream within(ReadWindow readable) {
    this.window = readable;
    return this;
  }

  GroupAccess.Standing standing() {
    return standing;
  }

  boolean detached() {
    return detached;
  }

  /**
   * Sends {@code joined} with the snapshot and who is present, then the stored events after {@code after} (the
   * last {@code replayLimit} when absent), runs {@code replayed}, then sends live ones. Facilitators and
   * supervisors also get who was removed from the session.
   */
  void start(GroupSnapshot s, List<Long> present, Long after, int replayLimit, Runnable replayed) {
    JsonObject state = s.state().toWire(System.currentTimeMillis()).put("present", new JsonArray(present));
    if (standing.reader()) {
      state.put("removed", new JsonArray(s.state().removed()));
    }
    String role = standing.name().toLowerCase(java.util.Locale.ROOT);
    writer.write(new JsonObject().put("type", "joined").put("groupId", groupId).put("lastSeq", s.lastSeq())
        .put("session", s.sessionJson()).put("state", state).put("you", new JsonObject().put("role", role))
        .encode());
    long start = Math.max(window.readsAfter(),
        after == null ? Math.max(0, s.lastSeq() - replayLimit) : Math.min(after, s.lastSeq()));
    liveAfter = s.lastSeq();
    subscription.startAfter(start, replayed);
  }

  private void deliver(FeedEvent event) {
    if (!window.visible(event.seq)) {
      return;
    }
    writer.write(event.utf8());
    if (event.seq > liveAfter) {
      meters.delivered(event.storedAtMillis());
    }
    String kind = event.frame.getString("kind");
    if (event.seq > liveAfter && ("remove".equals(kind) || "participation_ended".equals(kind))
        && event.frame.getLong("userId", -1L) == user.id()) {
      onRemoved.accept(groupId);
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
      if (standing.reader()) {
        writer.write(signal.encode());
      }
      return;
    }
    JsonObject from = signal.getJsonObject("from");
    if (from == null || from.getLong("id") != user.id()) {
      writer.write(signal.encode());
    }
  }

  void detach() {
    detached = true;
    subscription.close();
    gateway.unsubscribe(groupId, this);
  }
}
