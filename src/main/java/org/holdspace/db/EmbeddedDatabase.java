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

  /** Starts (and on first use creates) the server whose data lives in {@code folder}, on a free port. Blocking. */
  public static EmbeddedDatabase start(Path folder) {
    return start(folder, 0);
  }

  /**
   * Starts the server on {@code port} (0: a free one). Starting it again on the same folder and port after a stop
   * lets a running pool reconnect by itself, as it would to an external database that restarted.
   */
  public static EmbeddedDatabase start(Path folder, int port) {
    try {
      Files.createDirectories(folder);
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
      if (port > 0) {
        builder.setPort(port);
      }
      EmbeddedPostgres postgres = builder
          .setDataDirectory(folder)
          .setCleanDataDirectory(false)
          .setPGStartupWait(Duration.ofSeconds(60))
          .setServerConfig("max_connections", "300")
          // An acknowledged message must survive a crash of the database or the machine.
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("listen_addresses", "127.0.0.1")
          .start();
      LOG.info("Embedded PostgreSQL running on port {} with data in {}", postgres.getPort(), folder);
      return new EmbeddedDatabase(postgres);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + folder, e);
    }
  }

  public int port() {
    return postgres.getPort();
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
