package org.holdspace.chat;

import org.holdspace.grouplog.EventLog;
import org.holdspace.grouplog.LoggedEvent;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One socket's view of one group's event stream: hands each event to the socket exactly once and in seq order.
 * Live events that arrive ahead of the cursor wait while the missing ones are read from the store, so a gap is
 * filled, never skipped, and the seam between replay and live has no gap and no duplicate.
 */
final class Subscription {
  private static final int PAGE = 500;
  private static final int MAX_PENDING = 10_000;

  private final Vertx vertx;
  private final EventLog log;
  private final long groupId;
  private final Consumer<FeedEvent> deliver;
  private final TreeMap<Long, FeedEvent> pending = new TreeMap<>();
  private long cursor = -1;
  private boolean reading = true;
  private boolean closed;
  private int emptyReads;
  private long auditTarget = -1;
  private Runnable caughtUp;

  Subscription(Vertx vertx, EventLog log, long groupId, Consumer<FeedEvent> deliver) {
    this.vertx = vertx;
    this.log = log;
    this.groupId = groupId;
    this.deliver = deliver;
  }

  /**
   * Starts delivery after {@code after}: stored events first, then the live ones held meanwhile; {@code caughtUp}
   * runs once, when the stored events are delivered.
   */
  void startAfter(long after, Runnable caughtUp) {
    cursor = after;
    this.caughtUp = caughtUp;
    readStore();
  }

  /** A live event from the group's feed. */
  void offer(FeedEvent event) {
    if (closed) {
      return;
    }
    long seq = event.seq;
    if (cursor >= 0 && seq <= cursor) {
      return;
    }
    if (!reading && seq == cursor + 1) {
      send(event);
      drain();
      return;
    }
    if (pending.size() < MAX_PENDING) {
      pending.put(seq, event);
    }
    if (!reading) {
      readStore();
    }
  }

  /**
   * The store's last seq, told about once a round. If the cursor is still short of what the store held one round
   * earlier, an event did not come live (see {@link ChatGateway}); the rest is read from the store.
   */
  void stored(long lastSeq) {
    if (closed || cursor < 0) {
      return;
    }
    if (!reading && auditTarget > cursor) {
      readStore();
    }
    auditTarget = lastSeq;
  }

  void close() {
    closed = true;
    pending.clear();
  }

  private void readStore() {
    reading = true;
    log.since(groupId, cursor, PAGE).onComplete(ar -> {
      if (closed) {
        return;
      }
      if (ar.failed()) {
        vertx.setTimer(500, id -> readStore());
        return;
      }
      List<JsonObject> events = ar.result();
      for (JsonObject event : events) {
        if (event.getLong("seq") == cursor + 1) {
          send(new FeedEvent(LoggedEvent.of(event)));
        }
      }
      if (events.size() == PAGE) {
        readStore();
        return;
      }
      reading = false;
      drain();
      if (caughtUp != null) {
        Runnable first = caughtUp;
        caughtUp = null;
        first.run();
      }
      if (!pending.isEmpty()) {
        emptyReads = events.isEmpty() ? emptyReads + 1 : 0;
        reading = true;
        vertx.setTimer(Math.min(1000, 20L * (1 + emptyReads)), id -> readStore());
      } else {
        emptyReads = 0;
      }
    });
  }

  private void drain() {
    while (!pending.isEmpty()) {
      long first = pending.firstKey();
      if (first <= cursor) {
        pending.pollFirstEntry();
      } else if (first == cursor + 1) {
        send(pending.pollFirstEntry().getValue());
      } else {
        return;
      }
    }
  }

  private void send(FeedEvent event) {
    cursor = event.seq;
    deliver.accept(event);
  }
}
