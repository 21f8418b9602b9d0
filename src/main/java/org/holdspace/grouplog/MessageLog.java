package org.holdspace.grouplog;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.holdspace.core.AuthUser;
import org.holdspace.core.Refusal;
import org.holdspace.db.SqlErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The log's write path for messages: checked against the group's state by the {@link MessageRule}, stored,
 * acknowledged with their seq, idempotent by clientId. Messages wait in lanes, each lane serving a share of the
 * groups and storing its messages in batches, one transaction at a time, so a busy server pays one commit for many
 * messages, a message never overtakes an earlier one of its group, and two lanes never wait on each other's group
 * locks. Each newly stored message is handed to the {@link Listener} after it is published.
 */
public final class MessageLog {
  private static final Logger LOG = LoggerFactory.getLogger(MessageLog.class);
  private static final int MAX_BATCH = 256;
  /**
   * While fewer than {@link #GATHER_BELOW} messages wait, a lane begins a transaction at most this often: under
   * moderate load the messages of a few milliseconds share one commit, which costs the database far less than a
   * commit each, for at most this much more latency. A message that finds its lane idle that long is stored at once;
   * under heavy load batches fill by themselves and begin without waiting.
   */
  private static final long GATHER_MS = 4;
  private static final int GATHER_BELOW = 32;
  /** Messages a lane holds waiting, about a second's worth at capacity. */
  static final int MAX_WAITING = 8 * MAX_BATCH;
  private static final int RECENT_CLIENT_IDS = 20_000;
  private static final long LOOK_UP_FOR_MS = 10_000;
  private static final Refusal BUSY = Refusal.unavailable("the server is busy; send it again in a second");
  private static final Refusal NOT_STORED =
      Refusal.unavailable("the message could not be stored; send it again with the same clientId");

  private final Vertx vertx;
  private final Pool pool;
  private final EventLog log;
  private final MessageRule rule;
  private final Listener listener;
  private final Lane[] lanes;

  /** Told of every message once it is stored and published (not of repeats or refusals). */
  @FunctionalInterface
  public interface Listener {
    void stored(Message message, long seq);
  }

  public MessageLog(Vertx vertx, Pool pool, EventLog log, MessageRule rule, Listener listener, int lanes) {
    this.vertx = vertx;
    this.pool = pool;
    this.log = log;
    this.rule = rule;
    this.listener = listener;
    this.lanes = new Lane[Math.max(1, lanes)];
    for (int i = 0; i < this.lanes.length; i++) {
      this.lanes[i] = new Lane();
    }
  }

  /** A message to store. */
  public record Message(AuthUser user, boolean facilitator, long groupId, String text, String clientId) {
  }

  /** The seq of the stored message, and whether it was stored by an earlier frame with the same clientId. */
  public record Said(long seq, boolean duplicate) {
  }

  public Future<Said> say(AuthUser user, boolean facilitator, long groupId, String text, String clientId) {
    Promise<Said> promise = Promise.promise();
    lanes[(int) Math.floorMod(groupId, (long) lanes.length)]
        .add(new Pending(new MessageBatch.Item(new Message(user, facilitator, groupId, text, clientId)), promise,
            vertx.getOrCreateContext()));
    return promise.future();
  }

  private record Pending(MessageBatch.Item item, Promise<Said> promise, Context context) {
  }

  /**
   * The messages of a share of the groups (by id) waiting for the next batch. One batch at a time per lane: the
   * lanes of a node never wait for each other's row locks, and a group's events are published in seq order.
   * A lane holds at most {@link #MAX_WAITING} messages; past that it refuses new ones with {@code unavailable} at
   * once, so an overloaded server answers quickly and its memory stays bounded.
   */
  private final class Lane {
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private final RecentClientIds recent = new RecentClientIds(RECENT_CLIENT_IDS);
    private final KnownGroups known = new KnownGroups();
    private boolean storing;
    private long lookUpUntil;
    private long lastBegun;

    void add(Pending pending) {
      Long known;
      synchronized (this) {
        known = recent.seqOf(pending.item().message);
        if (known == null) {
          if (waiting.size() >= MAX_WAITING) {
            pending.promise().fail(BUSY);
            return;
          }
          waiting.add(pending);
          if (storing) {
            return;
          }
          storing = true;
        }
      }
      if (known != null) {
        pending.promise().complete(new Said(known, true));
        return;
      }
      next();
    }

    /** Begins the next batch, or waits until {@link #GATHER_MS} after the last one began while few messages wait. */
    private void next() {
      long wait;
      synchronized (this) {
        wait = waiting.isEmpty() || waiting.size() >= GATHER_BELOW ? 0
            : lastBegun + GATHER_MS - System.currentTimeMillis();
      }
      if (wait > 0) {
        vertx.setTimer(wait, id -> begin());
      } else {
        begin();
      }
    }

    private void begin() {
      List<Pending> batch = new ArrayList<>();
      synchronized (this) {
        while (!waiting.isEmpty() && batch.size() < MAX_BATCH) {
          batch.add(waiting.poll());
        }
        if (batch.isEmpty()) {
          storing = false;
          return;
        }
        lastBegun = System.currentTimeMillis();
      }
      List<MessageBatch.Item> items = batch.stream().map(Pending::item).toList();
      storeWhatCan(items).onComplete(ar -> {
        if (ar.succeeded()) {
          synchronized (this) {
            items.forEach(recent::remember);
          }
          // Acks first: a sender's ack and its own event go to its event loop in this order.
          settle(batch, null);
          ar.result().forEach(log::publish);
          batch.forEach(MessageLog.this::tell);
        } else {
          LOG.warn("Storing {} message(s) failed: {}", batch.size(), ar.cause().getMessage());
          settle(batch, NOT_STORED);
        }
        next();
      });
    }

    /**
     * Stores the batch, in one statement when the lane knows its groups' rows ({@link OneStatementBatch}). The
     * messages of groups whose row moved meanwhile are then stored under a lock; if that fails, only they are
     * refused, as the others are already stored. A one-statement batch that fails has written nothing and is stored
     * under a lock in full.
     */
    private Future<Map<Long, List<JsonObject>>> storeWhatCan(List<MessageBatch.Item> items) {
      long now = System.currentTimeMillis();
      Map<Long, GroupRow> rows = now < lookUpUntil ? null : OneStatementBatch.knownRows(items, rule, known);
      if (rows == null) {
        return storeLocked(items);
      }
      return OneStatementBatch.store(pool, items, rows, rule, now, known).transform(ar -> {
        if (ar.failed()) {
          lookUpAfter(ar.cause());
          return storeLocked(items);
        }
        OneStatementBatch.Stored stored = ar.result();
        List<MessageBatch.Item> rest = items.stream()
            .filter(i -> !stored.current().contains(i.message.groupId())).toList();
        if (rest.isEmpty()) {
          return Future.succeededFuture(stored.events());
        }
        return storeLocked(rest).transform(more -> {
          Map<Long, List<JsonObject>> all = new TreeMap<>(stored.events());
          if (more.succeeded()) {
            all.putAll(more.result());
          } else {
            LOG.warn("{} message(s) could not be stored: {}", rest.size(), more.cause().getMessage());
            rest.forEach(item -> item.refuse(NOT_STORED));
          }
          return Future.succeededFuture(all);
        });
      });
    }

    /**
     * Stores the batch under a lock; a repeated clientId (a resend the cache did not know) stores it again with the
     * look-up, which the lane keeps doing for a while, as resends come in storms. A batch that fails for another
     * reason while the database answers is stored message by message, so only a message that cannot be stored is
     * refused.
     */
    private Future<Map<Long, List<JsonObject>>> storeLocked(List<MessageBatch.Item> items) {
      return store(items, System.currentTimeMillis() < lookUpUntil)
          .recover(e -> {
            if (!(e instanceof MessageBatch.RepeatedClientId)) {
              return Future.failedFuture(e);
            }
            lookUpAfter(e);
            return store(items, true);
          })
          .recover(e -> items.size() > 1 && !SqlErrors.isUnavailable(e) ? oneByOne(items)
              : Future.failedFuture(e));
    }

    private void lookUpAfter(Throwable failure) {
      if (failure instanceof MessageBatch.RepeatedClientId) {
        lookUpUntil = System.currentTimeMillis() + LOOK_UP_FOR_MS;
      }
    }

    private Future<Map<Long, List<JsonObject>>> store(List<MessageBatch.Item> items, boolean lookUpClientIds) {
      return MessageBatch.store(pool, items, rule, System.currentTimeMillis(), lookUpClientIds, known);
    }

    private Future<Map<Long, List<JsonObject>>> oneByOne(List<MessageBatch.Item> items) {
      Map<Long, List<JsonObject>> stored = new TreeMap<>();
      Future<Void> chain = Future.succeededFuture();
      for (MessageBatch.Item item : items) {
        chain = chain.compose(v -> store(List.of(item), true)
            .map(events -> {
              events.forEach((groupId, list) -> stored.computeIfAbsent(groupId, k -> new ArrayList<>()).addAll(list));
              return (Void) null;
            })
            .recover(e -> {
              LOG.warn("A message could not be stored: {}", e.getMessage());
              item.refuse(NOT_STORED);
              return Future.succeededFuture();
            }));
      }
      return chain.map(stored);
    }
  }

  /** Answers each sender on its own context, one hand-over per context and batch. */
  private static void settle(List<Pending> batch, Refusal failure) {
    Map<Context, List<Pending>> byContext = new IdentityHashMap<>();
    for (Pending pending : batch) {
      byContext.computeIfAbsent(pending.context(), c -> new ArrayList<>()).add(pending);
    }
    byContext.forEach((context, pendings) -> context.runOnContext(v -> {
      for (Pending pending : pendings) {
        MessageBatch.Item item = pending.item();
        if (failure != null) {
          pending.promise().fail(failure);
        } else if (item.refusal != null) {
          pending.promise().fail(item.refusal);
        } else {
          pending.promise().complete(new Said(item.seq, item.duplicate));
        }
      }
    }));
  }

  private void tell(Pending pending) {
    MessageBatch.Item item = pending.item();
    if (item.refusal == null && !item.duplicate) {
      listener.stored(item.message, item.seq);
    }
  }
}
