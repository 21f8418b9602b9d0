package org.holdspace.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A PostgreSQL server run by this process, its data kept in a folder so that it survives restarts. */
public final class EmbeddedDatabase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** Starts (and on first use creates) the server whose data lives in {@code folder}, writing durably. Blocking. */
  public static EmbeddedDatabase start(Path folder) {
    return start(folder, true);
  }

  /**
   * Starts the server whose data lives in {@code folder}. Durable is what a server needs: the embedded library
   * defaults to fsync and synchronous_commit off, which can lose acknowledged writes or corrupt the data on a
   * crash. Only throwaway test databases may run without it, for speed. Blocking.
   */
  public static EmbeddedDatabase start(Path folder, boolean durable) {
    try {
      Files.createDirectories(folder);
      String on = durable ? "on" : "off";
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setDataDirectory(folder)
          .setCleanDataDirectory(false)
          .setPGStartupWait(Duration.ofSeconds(60))
          .setServerConfig("max_connections", "300")
          .setServerConfig("listen_addresses", "127.0.0.1")
          .setServerConfig("fsync", on)
          .setServerConfig("synchronous_commit", on)
          .start();
      LOG.info("Embedded PostgreSQL running on port {} with data in {}", postgres.getPort(), folder);
      return new EmbeddedDatabase(postgres);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + folder, e);
    }
  }

  public DatabaseUrl url() {
    return new DatabaseUrl("127.0.0.1", postgres.getPort(), "postgres", "postgres", "");
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
    }
  }
}
