package org.holdspace.chat;

import org.holdspace.core.Addresses;
import org.holdspace.grouplog.LoggedEvent;

import io.vertx.core.Future;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The live events of one group for the sockets of one event loop: a single event-bus consumer, registered while
 * at least one local socket has joined, passing each event to every local subscriber.
 */
final class GroupFeed {
  /** A socket's interest in the feed. */
  interface Listener {
    void onEvent(FeedEvent event);

    /** A frame that is not a stored event (typing hints, alerts); the listener decides who may see it. */
    void onSignal(JsonObject signal);

    /** The store holds the group's events up to {@code lastSeq}. */
    void onStored(long lastSeq);
  }

  private final MessageConsumer<Object> consumer;
  private final Set<Listener> listeners = new LinkedHashSet<>();

  GroupFeed(io.vertx.core.Vertx vertx, long groupId) {
    this.consumer = vertx.eventBus().consumer(Addresses.group(groupId), message -> {
      FeedEvent event = eventOf(message.body());
      for (Listener listener : listeners.toArray(new Listener[0])) {
        if (event != null) {
          listener.onEvent(event);
        } else {
          listener.onSignal((JsonObject) message.body());
        }
      }
    });
  }

  /**
   * The stored event a message carries, or null for a signal. A node of an earlier release publishes events as plain
   * JSON objects, and they are still events (during a rolling update).
   */
  private static FeedEvent eventOf(Object body) {
    if (body instanceof LoggedEvent logged) {
      return new FeedEvent(logged);
    }
    return body instanceof JsonObject json && "event".equals(json.getString("type"))
        ? new FeedEvent(LoggedEvent.of(json)) : null;
  }

  /** Completes once the consumer is registered (on every node of a cluster). */
  Future<Void> ready() {
    return consumer.completion();
  }

  /** Tells every listener how far the store is. */
  void stored(long lastSeq) {
    for (Listener listener : listeners.toArray(new Listener[0])) {
      listener.onStored(lastSeq);
    }
  }

  void add(Listener listener) {
    listeners.add(listener);
  }

  /** Removes the listener; answers whether the feed is now unused (its consumer is then unregistered). */
  boolean remove(Listener listener) {
    listeners.remove(listener);
    if (listeners.isEmpty()) {
      consumer.unregister();
      return true;
    }
    return false;
  }
}
