package org.holdspace.limits;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.holdspace.core.Job;

import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Counts events per key within a sliding time window in PostgreSQL, so that every node of a cluster shares one count
 * (a node's memory would give an attacker N times the budget over N nodes). Admitting an event locks its key for the
 * transaction, so attempts sent at once to several nodes cannot all pass one limit. A database round trip per event:
 * for rare events such as sign-ins, not for every chat frame.
 */
public final class SharedWindowLimiter {
  private final Pool pool;
  private final String kind;
  private final int limit;
  private final long windowMillis;
  private final LongSupplier clock;

  public SharedWindowLimiter(Pool pool, String kind, int limit, long windowMillis, LongSupplier clock) {
    this.pool = pool;
    this.kind = kind;
    this.limit = limit;
    this.windowMillis = windowMillis;
    this.clock = clock;
  }

  public SharedWindowLimiter(Pool pool, String kind, int limit, long windowMillis) {
    this(pool, kind, limit, windowMillis, System::currentTimeMillis);
  }

  /** Records one event if the key is under the limit: the event's id when admitted, empty when refused. */
  public Future<Optional<Long>> tryAcquire(String key) {
    long now = clock.getAsLong();
    return pool.withTransaction(conn -> conn
        .preparedQuery("SELECT pg_advisory_xact_lock(hashtextextended($1 || ':' || $2, 0))")
        .execute(Tuple.of(kind, key))
        .compose(locked -> conn.preparedQuery(
                "SELECT count(*) FROM limit_events WHERE kind = $1 AND key = $2 AND at_ms > $3")
            .execute(Tuple.of(kind, key, now - windowMillis)))
        .compose(counted -> counted.iterator().next().getLong(0) >= limit
            ? Future.succeededFuture(Optional.<Long>empty())
            : conn.preparedQuery("INSERT INTO limit_events (kind, key, at_ms) VALUES ($1, $2, $3) RETURNING id")
                .execute(Tuple.of(kind, key, now))
                .map(rows -> Optional.of(rows.iterator().next().getLong(0)))));
  }

  /** Gives back an admitted event, as when an attempt turns out not to count. */
  public Future<Void> release(long id) {
    return pool.preparedQuery("DELETE FROM limit_events WHERE id = $1").execute(Tuple.of(id)).mapEmpty();
  }

  /** A job that deletes the events older than the window, once a window (at least once a minute). */
  public Job sweeper(String name) {
    long every = Math.max(windowMillis, 60_000);
    return Job.every(name, every, this::sweep);
  }

  /** Deletes this limit's events that no longer count; every node may run it, they agree. */
  public Future<Integer> sweep() {
    return pool.preparedQuery("DELETE FROM limit_events WHERE kind = $1 AND at_ms <= $2")
        .execute(Tuple.of(kind, clock.getAsLong() - windowMillis))
        .map(rows -> rows.rowCount());
  }
}
