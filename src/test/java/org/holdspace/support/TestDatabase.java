package org.holdspace.support;

import org.holdspace.db.DatabaseUrl;
import org.holdspace.db.EmbeddedDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** One embedded PostgreSQL for the whole test run, and a fresh database in it for each test class. */
public final class TestDatabase {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static EmbeddedDatabase embedded;

  private TestDatabase() {
  }

  private static synchronized DatabaseUrl server() {
    if (embedded == null) {
      try {
        Path folder = Files.createTempDirectory("holdspace-test-pg").resolve("postgres");
        embedded = EmbeddedDatabase.startThrowaway(folder);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
    }
    return embedded.url();
  }

  /** A new, empty database on the shared embedded server. */
  public static DatabaseUrl fresh() {
    return freshOn(server());
  }

  /** A new, empty database on the given server (for the tests that use {@code DATABASE_URL}). */
  public static DatabaseUrl freshOn(DatabaseUrl serverUrl) {
    String name = "holdspace_t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    execute(serverUrl, "CREATE DATABASE " + name);
    return serverUrl.withDatabase(name);
  }

  /** Runs one statement over JDBC (test set-up only). */
  public static void execute(DatabaseUrl url, String sql) {
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
         Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("SQL failed: " + sql, e);
    }
  }
}
