package org.holdspace.db;

import io.vertx.pgclient.PgException;

/** Reading PostgreSQL error states. */
public final class SqlErrors {
  private SqlErrors() {
  }

  /** Whether the failure is a unique violation (SQLSTATE 23505), which the code uses for idempotency. */
  public static boolean isUniqueViolation(Throwable failure) {
    return failure instanceof PgException pg && "23505".equals(pg.getSqlState());
  }
}
