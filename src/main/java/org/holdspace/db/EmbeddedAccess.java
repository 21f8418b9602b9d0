package org.holdspace.db;

import io.zonky.test.db.postgres.util.LinuxUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Who may log in to the embedded PostgreSQL. The embedded library creates a cluster that trusts every local login as
 * its superuser; anyone on the machine could then read the data, the files the server can read and run programs as
 * its user. Here every login needs a password (scram-sha-256): the owner's, generated once and kept owner-only next
 * to the data folder, used for migrations; and the application role's, which is no superuser and is what the server's
 * pool connects as. A folder made before this (with trust lines) gets its passwords and its new {@code pg_hba.conf}
 * on the next start, before PostgreSQL accepts any connection.
 */
final class EmbeddedAccess {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedAccess.class);
  static final String OWNER = "postgres";
  static final String APP_ROLE = "holdspace_app";
  private static final String HBA = """
      # Written by Holdspace at every start: password logins only (scram-sha-256), no trust.
      local all all scram-sha-256
      host all all 127.0.0.1/32 scram-sha-256
      host all all ::1/128 scram-sha-256
      """;
  /** The longest socket path PostgreSQL accepts, less the file name {@code .s.PGSQL.NNNNN}. */
  private static final int MAX_SOCKET_FOLDER = 107 - 15;

  private final Path folder;
  private final Path binaries;
  private final Path ownerFile;
  private final Path appFile;
  private boolean newOwnerPassword;

  /** Access to the cluster in {@code folder}, run from binaries unpacked under {@code binaries}. */
  EmbeddedAccess(Path folder, Path binaries) {
    this.folder = folder.toAbsolutePath();
    this.binaries = binaries;
    this.ownerFile = this.folder.resolveSibling(this.folder.getFileName() + "-password");
    this.appFile = this.folder.resolveSibling(this.folder.getFileName() + "-app-password");
  }

  /** Generates the passwords this folder does not have yet (before the library starts and logs in with them). */
  void ensurePasswords() {
    if (!Files.exists(ownerFile)) {
      write(ownerFile, generate());
      newOwnerPassword = true;
    }
    if (!Files.exists(appFile)) {
      write(appFile, generate());
    }
  }

  String ownerPassword() {
    return read(ownerFile);
  }

  String appPassword() {
    return read(appFile);
  }

  /**
   * The folder that holds the server's Unix socket: the data folder itself (owner-only), or none when its path is too
   * long for a socket.
   */
  String socketFolder() {
    String path = folder.toString();
    if (path.length() > MAX_SOCKET_FOLDER || path.contains("'")) {
      return "''";
    }
    return "'" + path + "'";
  }

  /**
   * Run before the postmaster starts, after the library has created the cluster: the passwords exist, the owner's is
   * set in the cluster when it may not be yet, and {@code pg_hba.conf} has password lines only.
   */
  void prepare(File dataDirectory) {
    try {
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    } catch (UnsupportedOperationException e) {
      LOG.debug("File permissions not supported here");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not restrict " + folder, e);
    }
    Path hba = folder.resolve("pg_hba.conf");
    if (newOwnerPassword || !HBA.equals(readOrEmpty(hba))) {
      // The single-user backend needs no login, so the owner's password is set before any connection is possible.
      singleUser("ALTER ROLE " + OWNER + " WITH PASSWORD '" + ownerPassword() + "'");
      write(hba, HBA);
      LOG.info("Embedded PostgreSQL in {} now accepts password logins only", folder);
    }
  }

  /** Run once PostgreSQL is up: the application role exists, is no superuser and has its password. */
  void ensureAppRole(int port) {
    sql(port, List.of(
        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + APP_ROLE + "') THEN "
            + "CREATE ROLE " + APP_ROLE + "; END IF; END $$",
        "ALTER ROLE " + APP_ROLE + " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS "
            + "PASSWORD '" + appPassword() + "'"));
  }

  /** Run after the migrations: the application role reads and writes the tables, and changes no schema. */
  void grantApp(int port, String database) {
    sql(port, List.of(
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
        "GRANT CONNECT ON DATABASE " + database + " TO " + APP_ROLE,
        "GRANT USAGE ON SCHEMA public TO " + APP_ROLE,
        "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + APP_ROLE,
        "GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO " + APP_ROLE,
        "REVOKE INSERT, UPDATE, DELETE ON TABLE flyway_schema_history FROM " + APP_ROLE));
  }

  private void sql(int port, List<String> statements) {
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/" + OWNER;
    try (Connection c = DriverManager.getConnection(url, OWNER, ownerPassword()); Statement s = c.createStatement()) {
      for (String statement : statements) {
        if (statement.contains("flyway_schema_history")) {
          try (var rs = s.executeQuery("SELECT to_regclass('public.flyway_schema_history') IS NOT NULL")) {
            if (!rs.next() || !rs.getBoolean(1)) {
              continue;
            }
          }
        }
        s.execute(statement);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not set up the application role of the embedded PostgreSQL", e);
    }
  }

  /** Runs one statement in PostgreSQL's single-user mode (the server must not be running). */
  private void singleUser(String statement) {
    List<String> command = new ArrayList<>();
    if (LinuxUtils.isUnshareAvailable()) {
      // As the library does: PostgreSQL refuses to run as root, so it runs in a user namespace of its own.
      command.addAll(List.of("unshare", "-U"));
    }
    command.addAll(List.of(postgresBinary().toString(), "--single", "-D", folder.toString(), OWNER));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().write((statement + ";\n").getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0 || output.contains("ERROR")) {
        process.destroyForcibly();
        throw new IllegalStateException("PostgreSQL single-user mode failed: "
            + output.replaceAll("PASSWORD '[^']*'", "PASSWORD '…'"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not run PostgreSQL in single-user mode", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while setting the embedded PostgreSQL password", e);
    }
  }

  /** The postgres executable the library unpacked for this start (the newest when several versions are there). */
  private Path postgresBinary() {
    try (Stream<Path> dirs = Files.list(binaries)) {
      return dirs.map(d -> d.resolve("bin").resolve("postgres")).filter(Files::isExecutable)
          .max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified()))
          .orElseThrow(() -> new IllegalStateException("No postgres binary under " + binaries));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list " + binaries, e);
    }
  }

  private static String generate() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + file, e);
    }
  }

  private static String readOrEmpty(Path file) {
    return Files.exists(file) ? read(file) + "\n" : "";
  }

  /** Writes a file owner-only from the start, through a temporary file so that it is never half written. */
  private static void write(Path file, String content) {
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.deleteIfExists(temp);
      try {
        Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(temp);
      }
      Files.writeString(temp, content, StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + file, e);
    }
  }
}
