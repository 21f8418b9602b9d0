package org.holdspace.schedule;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.holdspace.group.GroupStore.StoredSession;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Writes a session's time and cancellation ({@code group_sessions}). */
final class ScheduleStore {
  private static final String UPDATE = "UPDATE group_sessions SET scheduled_at = $3, "
      + "cancelled_at = CASE WHEN $4 THEN coalesce(cancelled_at, now()) END, moved_from = $5 "
      + "WHERE group_id = $1 AND number = $2 AND started_at IS NULL";

  Future<Void> save(SqlClient tx, long groupId, StoredSession s) {
    return tx.preparedQuery(UPDATE).execute(Tuple.of(groupId, s.number(), utc(s.scheduledAt()), s.cancelled(),
        utc(s.movedFrom()))).mapEmpty();
  }

  private static OffsetDateTime utc(Instant at) {
    return at == null ? null : at.atOffset(ZoneOffset.UTC);
  }
}
