package org.holdspace.moderation;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies what runs out by itself (timed mutes, go-round turn budgets). Every node polls the groups whose
 * deadline has passed; the change re-checks under the group's lock, so each expiry happens exactly once even
 * with several nodes, and a node that dies leaves nothing behind that the others do not pick up.
 */
public final class DeadlineSweeper {
  private static final Logger LOG = LoggerFactory.getLogger(DeadlineSweeper.class);
  private static final long POLL_MS = 500;
  private static final String DUE = "SELECT id FROM groups WHERE next_deadline <= now() ORDER BY next_deadline LIMIT 100";

  private final Vertx vertx;
  private final Pool pool;
  private final ModerationService moderation;
  private boolean running;
  private long timer = -1;

  public DeadlineSweeper(Vertx vertx, Pool pool, ModerationService moderation) {
    this.vertx = vertx;
    this.pool = pool;
    this.moderation = moderation;
  }

  public void start() {
    timer = vertx.setPeriodic(POLL_MS, id -> {
      if (running) {
        return;
      }
      running = true;
      sweep().onComplete(ar -> {
        running = false;
        if (ar.failed()) {
          LOG.warn("Deadline sweep failed: {}", ar.cause().getMessage());
        }
      });
    });
  }

  /** Stops polling (before the pool closes, at shutdown). */
  public void stop() {
    vertx.cancelTimer(timer);
  }

  private Future<Void> sweep() {
    return pool.query(DUE).execute().compose(rows -> {
      long now = System.currentTimeMillis();
      Future<Void> chain = Future.succeededFuture();
      for (Row row : rows) {
        long groupId = row.getLong(0);
        chain = chain.compose(v -> moderation.expire(groupId, now).mapEmpty());
      }
      return chain;
    });
  }
}
