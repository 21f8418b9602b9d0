package org.holdspace.moderation;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import org.holdspace.core.Job;

/**
 * Applies what runs out by itself (timed mutes, go-round turn budgets). Every node polls the groups whose
 * deadline has passed; the change re-checks under the group's lock, so each expiry happens exactly once even
 * with several nodes, and a node that dies leaves nothing behind that the others do not pick up.
 */
public final class DeadlineSweeper implements Job {
  private static final long POLL_MS = 500;
  private static final String DUE = "SELECT id FROM groups WHERE next_deadline <= now() ORDER BY next_deadline LIMIT 100";

  private final Pool pool;
  private final ModerationService moderation;

  public DeadlineSweeper(Pool pool, ModerationService moderation) {
    this.pool = pool;
    this.moderation = moderation;
  }

  @Override
  public String name() {
    return "Deadline sweep";
  }

  @Override
  public long firstAfterMs() {
    return POLL_MS;
  }

  @Override
  public long everyMs() {
    return POLL_MS;
  }

  @Override
  public Future<Void> run() {
    return sweep();
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
