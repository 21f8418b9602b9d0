package org.holdspace.retention;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.holdspace.audit.AuditLog;
import org.holdspace.core.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Purges what was said in a group once its retention has run out: {@code retention_days} after its last planned
 * session ended. Message texts become {@code purged: true} (the events and their seqs stay, so replays and
 * attendance still add up), whisper texts are emptied and report reasons dropped; clinical records are not
 * touched. Every node may run it: each purge changes only rows that still hold text, so a second run is a no-op.
 */
public final class RetentionJob implements Job {
  private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
  /** The audit log's actor for what the server does by itself. */
  public static final long SYSTEM_ACTOR = 0;
  private static final long EVERY_MS = 60 * 60 * 1000;
  private static final long FIRST_AFTER_MS = 60 * 1000;
  // Due once every session is held or cancelled, counted from the end of the last one held.
  private static final String DUE = "SELECT g.id FROM groups g JOIN group_sessions s ON s.group_id = g.id "
      + "WHERE g.retention_days IS NOT NULL GROUP BY g.id, g.retention_days "
      + "HAVING bool_and(s.ended_at IS NOT NULL OR s.cancelled_at IS NOT NULL) "
      + "AND max(s.ended_at) + make_interval(days => g.retention_days) <= $1 ORDER BY g.id";
  private static final String PURGE_MESSAGES = "UPDATE group_events SET body = (body - 'text') || '{\"purged\": true}' "
      + "WHERE group_id = $1 AND kind = 'message' AND body ? 'text'";
  private static final String PURGE_WHISPERS =
      "UPDATE whispers SET text = '', purged_at = $2 WHERE group_id = $1 AND purged_at IS NULL";
  private static final String PURGE_REASONS =
      "UPDATE alerts SET ref = ref - 'reason' WHERE group_id = $1 AND ref ? 'reason'";

  private final Pool pool;
  private final AuditLog audit;

  public RetentionJob(Pool pool, AuditLog audit) {
    this.pool = pool;
    this.audit = audit;
  }

  /** What one run purged. */
  public record Purged(int groups, int messages, int whispers, int reasons) {
  }

  @Override
  public String name() {
    return "Retention purge";
  }

  /** A minute after the start, then hourly. */
  @Override
  public long firstAfterMs() {
    return FIRST_AFTER_MS;
  }

  @Override
  public long everyMs() {
    return EVERY_MS;
  }

  @Override
  public Future<Purged> run() {
    return purge(Instant.now()).onSuccess(p -> {
      if (p.messages() + p.whispers() + p.reasons() > 0) {
        LOG.info("Retention purged {} messages, {} whispers and {} report reasons in {} groups",
            p.messages(), p.whispers(), p.reasons(), p.groups());
      }
    });
  }

  /** Purges every group whose retention has run out by {@code now}. */
  public Future<Purged> purge(Instant now) {
    return pool.preparedQuery(DUE).execute(Tuple.of(now.atOffset(ZoneOffset.UTC))).compose(rows -> {
      List<Long> due = new ArrayList<>();
      for (Row r : rows) {
        due.add(r.getLong(0));
      }
      Future<Purged> chain = Future.succeededFuture(new Purged(0, 0, 0, 0));
      for (long groupId : due) {
        chain = chain.compose(total -> purgeGroup(groupId, now).map(p -> new Purged(total.groups() + p.groups(),
            total.messages() + p.messages(), total.whispers() + p.whispers(), total.reasons() + p.reasons())));
      }
      return chain;
    });
  }

  private Future<Purged> purgeGroup(long groupId, Instant now) {
    return pool.withTransaction(tx -> tx.preparedQuery(PURGE_MESSAGES).execute(Tuple.of(groupId))
        .compose(messages -> tx.preparedQuery(PURGE_WHISPERS).execute(Tuple.of(groupId, now.atOffset(ZoneOffset.UTC)))
            .compose(whispers -> tx.preparedQuery(PURGE_REASONS).execute(Tuple.of(groupId))
                .map(reasons -> new Purged(1, messages.rowCount(), whispers.rowCount(), reasons.rowCount()))))
        .compose(p -> p.messages() + p.whispers() + p.reasons() == 0 ? Future.succeededFuture(p)
            : audit.record(tx, SYSTEM_ACTOR, "retention.purge", groupId, null, new JsonObject()
                .put("messages", p.messages()).put("whispers", p.whispers()).put("reasons", p.reasons())).map(p)));
  }
}
