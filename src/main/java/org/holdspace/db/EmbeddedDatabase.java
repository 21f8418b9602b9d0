package org.holdspace.db;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

/** A PostgreSQL server run by this process, its data kept in a folder so that it survives restarts. */
public final class EmbeddedDatabase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private final EmbeddedPostgres postgres;
  private final EmbeddedAccess access;

  private EmbeddedDatabase(EmbeddedPostgres postgres, EmbeddedAccess access) {
    this.postgres = postgres;
    this.access = access;
  }

  /**
   * Starts (and on first use creates) the server whose data lives in {@code folder}, as a server needs it: writing
   * durably, and from binaries unpacked into the owner-only folder next to it ({@code <folder>-bin}). Blocking.
   *
   * <p>The embedded library's defaults are for throwaway test databases: fsync and synchronous_commit off (a crash
   * can lose acknowledged writes or corrupt the data), and binaries shared in {@code java.io.tmpdir/embedded-pg},
   * a folder it makes writable by everyone, so another local user could swap in a postgres that then runs as
   * this server's user with all its data.
   */
  public static EmbeddedDatabase start(Path folder) {
    return start(folder, 0);
  }

  /**
   * {@link #start(Path)} on {@code port} (0: a free one). Starting it again on the same folder and port after a stop
   * lets a running pool reconnect by itself, as it would to an external database that restarted.
   */
  public static EmbeddedDatabase start(Path folder, int port) {
    return start(folder, true, port);
  }

  /** A throwaway database for tests: not durable, and as closed to other local users as the durable one. Blocking. */
  public static EmbeddedDatabase startThrowaway(Path folder) {
    return start(folder, false, 0);
  }

  private static EmbeddedDatabase start(Path folder, boolean durable, int port) {
    Path binaries = folder.resolveSibling(folder.getFileName() + "-bin");
    try {
      Files.createDirectories(binaries);
      Files.setPosixFilePermissions(binaries, PosixFilePermissions.fromString("rwx------"));
    } catch (UnsupportedOperationException e) {
      LOG.debug("File permissions not supported here");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not prepare " + binaries + " for the PostgreSQL binaries", e);
    }
    // The library makes the folder it unpacks into writable by everyone, so it gets one inside the owner-only one.
    Path unpacked = binaries.resolve("unpacked");
    EmbeddedAccess access = new EmbeddedAccess(folder, unpacked);
    try {
      Files.createDirectories(folder);
      access.ensurePasswords();
      String on = durable ? "on" : "off";
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
      if (port > 0) {
        builder.setPort(port);
      }
      builder
          .setDataDirectory(folder)
          .setCleanDataDirectory(false)
          .setPGStartupWait(Duration.ofSeconds(60))
          .setServerConfig("max_connections", "300")
          .setServerConfig("listen_addresses", "127.0.0.1")
          .setServerConfig("fsync", on)
          .setServerConfig("synchronous_commit", on)
          // the socket lives in the owner-only data folder, not in a /tmp that every local user can reach
          .setServerConfig("unix_socket_directories", access.socketFolder())
          .setServerConfig("unix_socket_permissions", "0700")
          .setServerConfig("password_encryption", "scram-sha-256")
          .setConnectConfig("password", access.ownerPassword())
          .setDataDirectoryCustomizer(access::prepare)
          // A server stops its database itself, after its last transaction (see Server.shutdown); a test database
          // is stopped by the library's hook when the JVM exits.
          .setRegisterShutdownHook(!durable);
      // The library remembers unpacked binaries per resolver for the whole JVM; a resolver of this start's own
      // makes it use this folder even when another database of the process unpacked elsewhere.
      PgBinaryResolver own = DefaultPostgresBinaryResolver.INSTANCE::getPgBinary;
      builder.setOverrideWorkingDirectory(unpacked.toFile()).setPgBinaryResolver(own);
      EmbeddedPostgres postgres = builder.start();
      try {
        access.ensureAppRole(postgres.getPort());
      } catch (RuntimeException e) {
        postgres.close();
        throw e;
      }
      LOG.info("Embedded PostgreSQL running on port {} with data in {}", postgres.getPort(), folder);
      return new EmbeddedDatabase(postgres, access);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + folder, e);
    }
  }

  public int port() {
    return postgres.getPort();
  }

  /** The owner's address: a superuser, for migrations and test set-up only. */
  public DatabaseUrl url() {
    return new DatabaseUrl("127.0.0.1", postgres.getPort(), EmbeddedAccess.OWNER, EmbeddedAccess.OWNER,
        access.ownerPassword());
  }

  /** The application role's address: no superuser, what the server's pool connects as. */
  public DatabaseUrl appUrl() {
    return new DatabaseUrl("127.0.0.1", postgres.getPort(), EmbeddedAccess.OWNER, EmbeddedAccess.APP_ROLE,
        access.appPassword());
  }

  /** Lets the application role use the tables of {@code database} as the migrations left them. Blocking. */
  public void grantApp(String database) {
    access.grantApp(postgres.getPort(), database);
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
