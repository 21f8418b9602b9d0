package org.holdspace.session;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/** When each planned session started and ended ({@code group_sessions}). */
public final class SessionStore {
  private static final String MARK_STARTED =
      "UPDATE group_sessions SET started_at = now() WHERE group_id = $1 AND number = $2";
  private static final String MARK_ENDED =
      "UPDATE group_sessions SET ended_at = now() WHERE group_id = $1 AND number = $2";

  public Future<Void> markStarted(SqlClient tx, long groupId, int number) {
    return tx.preparedQuery(MARK_STARTED).execute(Tuple.of(groupId, number)).mapEmpty();
  }

  public Future<Void> markEnded(SqlClient tx, long groupId, int number) {
    return tx.preparedQuery(MARK_ENDED).execute(Tuple.of(groupId, number)).mapEmpty();
  }
}
