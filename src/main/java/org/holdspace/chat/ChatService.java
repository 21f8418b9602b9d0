package org.holdspace.chat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.holdspace.alert.Alerts;
import org.holdspace.auth.AuthUser;
import org.holdspace.moderation.RiskPhrases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Messages: checked against the group's state, stored, acknowledged with their seq, idempotent by clientId.
 * Messages wait in lanes, each lane serving a share of the groups and storing its messages in batches, one
 * transaction at a time, so a busy server pays one commit for many messages, a message never overtakes an earlier
 * one of its group, and two lanes never wait on each other's group locks.
 * A message with a risk phrase raises an alert to the facilitators; the member is neither blocked nor told.
 */
public final class ChatService {
  private static final Logger LOG = LoggerFactory.getLogger(ChatService.class);
  private static final int MAX_BATCH = 256;

  private final Vertx vertx;
  private final EventLog log;
  private final Alerts alerts;
  private final RiskPhrases riskPhrases;
  private final Lane[] lanes;

  public ChatService(Vertx vertx, EventLog log, Alerts alerts, RiskPhrases riskPhrases, int lanes) {
    this.vertx = vertx;
    this.log = log;
    this.alerts = alerts;
    this.riskPhrases = riskPhrases;
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
   */
  private final class Lane {
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private boolean storing;

    void add(Pending pending) {
      synchronized (this) {
        waiting.add(pending);
        if (storing) {
          return;
        }
        storing = true;
      }
      next();
    }

    private void next() {
      List<Pending> batch = new ArrayList<>();
      synchronized (this) {
        while (!waiting.isEmpty() && batch.size() < MAX_BATCH) {
          batch.add(waiting.poll());
        }
        if (batch.isEmpty()) {
          storing = false;
          return;
        }
      }
      List<MessageBatch.Item> items = batch.stream().map(Pending::item).toList();
      store(items, false).recover(e -> e instanceof MessageBatch.RepeatedClientId ? store(items, true)
              : Future.failedFuture(e))
          .onComplete(ar -> {
            if (ar.succeeded()) {
              // Acks first: a sender's ack and its own event go to its event loop in this order.
              settle(batch, null);
              ar.result().forEach(log::publish);
              batch.forEach(ChatService.this::raiseRiskAlert);
            } else {
              LOG.warn("Storing {} message(s) failed: {}", batch.size(), ar.cause().getMessage());
              settle(batch, new ChatError("unavailable",
                  "the message could not be stored; send it again with the same clientId"));
            }
            next();
          });
    }
  }

  private Future<Map<Long, List<JsonObject>>> store(List<MessageBatch.Item> items, boolean lookUpClientIds) {
    return MessageBatch.store(log.pool(), items, System.currentTimeMillis(), lookUpClientIds);
  }

  /** Answers each sender on its own context, one hand-over per context and batch. */
  private static void settle(List<Pending> batch, ChatError failure) {
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

  private void raiseRiskAlert(Pending pending) {
    MessageBatch.Item item = pending.item();
    Message m = item.message;
    if (item.refusal == null && !item.duplicate && !m.facilitator() && riskPhrases.matches(m.text())) {
      alerts.raise(m.groupId(), m.user().id(), "risk_phrase", new JsonObject().put("seq", item.seq))
          .onFailure(e -> LOG.error("Could not raise a risk alert in group {}: {}", m.groupId(), e.getMessage()));
    }
  }

  static String refusalMessage(String code) {
    return switch (code) {
      case "not_live" -> "no session is live";
      case "muted" -> "you are muted";
      case "locked" -> "the chat is locked; only the floor holder may speak";
      case "forbidden" -> "you were removed from this session";
      default -> "not allowed";
    };
  }
}
