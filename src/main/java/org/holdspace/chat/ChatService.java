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
import java.util.List;

/**
 * Messages: checked against the group's state, stored, acknowledged with their seq, idempotent by clientId.
 * Each event loop queues its messages and stores them in batches, one transaction at a time, so a busy server
 * pays one commit for many messages and a message from one socket never overtakes an earlier one.
 * A message with a risk phrase raises an alert to the facilitators; the member is neither blocked nor told.
 */
public final class ChatService {
  private static final Logger LOG = LoggerFactory.getLogger(ChatService.class);
  private static final int MAX_BATCH = 256;
  private static final String QUEUE_KEY = "holdspace.message-queue";

  private final Vertx vertx;
  private final EventLog log;
  private final Alerts alerts;
  private final RiskPhrases riskPhrases;

  public ChatService(Vertx vertx, EventLog log, Alerts alerts, RiskPhrases riskPhrases) {
    this.vertx = vertx;
    this.log = log;
    this.alerts = alerts;
    this.riskPhrases = riskPhrases;
  }

  /** A message to store. */
  public record Message(AuthUser user, boolean facilitator, long groupId, String text, String clientId) {
  }

  /** The seq of the stored message, and whether it was stored by an earlier frame with the same clientId. */
  public record Said(long seq, boolean duplicate) {
  }

  public Future<Said> say(AuthUser user, boolean facilitator, long groupId, String text, String clientId) {
    Context context = vertx.getOrCreateContext();
    Queue queue = context.get(QUEUE_KEY);
    if (queue == null) {
      queue = new Queue();
      context.put(QUEUE_KEY, queue);
    }
    Promise<Said> promise = Promise.promise();
    queue.add(new Message(user, facilitator, groupId, text, clientId), promise);
    return promise.future();
  }

  /** The messages of one event loop waiting for the next batch; touched only on that event loop. */
  private final class Queue {
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private boolean storing;

    private record Pending(MessageBatch.Item item, Promise<Said> promise) {
    }

    void add(Message message, Promise<Said> promise) {
      waiting.add(new Pending(new MessageBatch.Item(message), promise));
      if (!storing) {
        next();
      }
    }

    private void next() {
      if (waiting.isEmpty()) {
        storing = false;
        return;
      }
      storing = true;
      List<Pending> batch = new ArrayList<>();
      while (!waiting.isEmpty() && batch.size() < MAX_BATCH) {
        batch.add(waiting.poll());
      }
      List<MessageBatch.Item> items = batch.stream().map(Pending::item).toList();
      log.pool().withTransaction(tx -> MessageBatch.store(tx, items, System.currentTimeMillis()))
          .onComplete(ar -> {
            if (ar.succeeded()) {
              ar.result().forEach(log::publish);
              batch.forEach(this::settle);
            } else {
              LOG.warn("Storing {} message(s) failed: {}", batch.size(), ar.cause().getMessage());
              batch.forEach(p -> p.promise().fail(new ChatError("unavailable",
                  "the message could not be stored; send it again with the same clientId")));
            }
            next();
          });
    }

    private void settle(Pending pending) {
      MessageBatch.Item item = pending.item();
      if (item.refusal != null) {
        pending.promise().fail(item.refusal);
        return;
      }
      Message m = item.message;
      if (!item.duplicate && !m.facilitator() && riskPhrases.matches(m.text())) {
        alerts.raise(m.groupId(), m.user().id(), "risk_phrase", new JsonObject().put("seq", item.seq))
            .onFailure(e -> LOG.error("Could not raise a risk alert in group {}: {}", m.groupId(), e.getMessage()));
      }
      pending.promise().complete(new Said(item.seq, item.duplicate));
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
