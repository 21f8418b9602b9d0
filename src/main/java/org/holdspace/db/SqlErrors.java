package org.holdspace.db;

import io.vertx.pgclient.PgException;

/** Reading PostgreSQL error states. */
public final class SqlErrors {
  private SqlErrors() {
  }

  /**
   * Whether the failure means the database could not be reached or dropped the connection (refused, reset, closed,
   * shutting down, SQLSTATE classes 08 and 57P): the request may succeed later and nothing was committed by it.
   */
  public static boolean isUnavailable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof java.net.ConnectException || t instanceof java.net.SocketException
          || t instanceof java.nio.channels.ClosedChannelException
          || t instanceof io.vertx.sqlclient.ClosedConnectionException
          || t instanceof java.util.concurrent.TimeoutException) {
        return true;
      }
      if (t instanceof PgException pg && pg.getSqlState() != null
          && (pg.getSqlState().startsWith("08") || pg.getSqlState().startsWith("57P"))) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** Whether the failure is a unique violation (SQLSTATE 23505), which the code uses for idempotency. */
  public static boolean isUniqueViolation(Throwable failure) {
    return failure instanceof PgException pg && "23505".equals(pg.getSqlState());
  }
}
