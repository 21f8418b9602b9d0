package org.holdspace.session;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.Optional;

/** When each planned session started and ended ({@code group_sessions}), and which one comes next. */
public final class SessionStore {
  private static final String NEXT_PLANNED = "SELECT min(number) FROM group_sessions "
      + "WHERE group_id = $1 AND number > $2 AND cancelled_at IS NULL";
  private static final String MARK_STARTED =
      "UPDATE group_sessions SET started_at = now() WHERE group_id = $1 AND number = $2";
  private static final String MARK_ENDED =
      "UPDATE group_sessions SET ended_at = now() WHERE group_id = $1 AND number = $2";

  /** The first session after {@code after} that is not cancelled; empty when none is left. */
  public Future<Optional<Integer>> nextPlanned(SqlClient tx, long groupId, int after) {
    return tx.preparedQuery(NEXT_PLANNED).execute(Tuple.of(groupId, after))
        .map(rows -> Optional.ofNullable(rows.iterator().next().getInteger(0)));
  }

  public Future<Void> markStarted(SqlClient tx, long groupId, int number) {
    return tx.preparedQuery(MARK_STARTED).execute(Tuple.of(groupId, number)).mapEmpty();
  }

  public Future<Void> markEnded(SqlClient tx, long groupId, int number) {
    return tx.preparedQuery(MARK_ENDED).execute(Tuple.of(groupId, number)).mapEmpty();
  }
}
