package org.holdspace.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded PostgreSQL as another local user would meet it: no login without the password, over TCP or the Unix
 * socket, and the server's own role cannot read the server's files or run programs. A folder created by an older
 * version (which trusted every local login) is closed at its next start and keeps its data.
 */
@DisplayName("The embedded PostgreSQL's logins")
class EmbeddedAccessTest {
  @TempDir
  static Path dataDir;
  private static Path folder;
  private static EmbeddedDatabase database;

  @BeforeAll
  static void start() throws Exception {
    folder = dataDir.resolve("postgres");
    // An older version's folder: the library's defaults, which trust every local login.
    try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(folder).setCleanDataDirectory(false)
        .start(); Connection c = old.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE kept (id int)");
      s.execute("INSERT INTO kept VALUES (7)");
    }
    assertTrue(Files.readString(folder.resolve("pg_hba.conf")).contains("trust"), "the old folder trusts");
    database = EmbeddedDatabase.start(folder);
    database.grantApp("postgres");
  }

  @AfterAll
  static void stop() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  @DisplayName("refuses a local login without the password, over TCP and over the Unix socket")
  void noLoginWithoutPassword() throws Exception {
    String url = "jdbc:postgresql://127.0.0.1:" + database.port() + "/postgres";
    for (String user : List.of("postgres", EmbeddedAccess.APP_ROLE)) {
      assertThrows(SQLException.class, () -> DriverManager.getConnection(url, user, ""), user + " without password");
      assertThrows(SQLException.class, () -> DriverManager.getConnection(url, user, "postgres"), user + " guessed");
    }
    String hba = Files.readString(folder.resolve("pg_hba.conf"));
    assertFalse(hba.lines().anyMatch(l -> !l.startsWith("#") && l.contains("trust")), hba);
    Path psql = Path.of("/usr/bin/psql");
    if (Files.isExecutable(psql)) {
      Process p = new ProcessBuilder(psql.toString(), "-w", "-h", folder.toString(), "-p",
          Integer.toString(database.port()), "-U", "postgres", "-c", "SELECT 1").redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
      assertTrue(p.exitValue() != 0 && output.contains("password"), "psql over the socket: " + output);
    }
  }

  @Test
  @DisplayName("keeps the passwords owner-only in the data folder, and the Unix socket inside the data folder")
  void filesOwnerOnly() throws Exception {
    for (String name : List.of("postgres-password", "postgres-app-password")) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(name))));
    }
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
    assertTrue(Files.exists(folder.resolve(".s.PGSQL." + database.port())), "socket in the data folder");
    assertFalse(Files.exists(Path.of("/tmp/.s.PGSQL." + database.port())), "no socket in /tmp");
  }

  @Test
  @DisplayName("connects the server as a role that is no superuser and can neither read files nor run programs")
  void appRoleIsNoSuperuser() throws Exception {
    DatabaseUrl app = database.appUrl();
    assertEquals(EmbeddedAccess.APP_ROLE, app.user());
    try (Connection c = DriverManager.getConnection(app.jdbcUrl(), app.user(), app.password());
         Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
        assertTrue(rs.next());
        assertFalse(rs.getBoolean(1));
      }
      try (ResultSet rs = s.executeQuery("SELECT id FROM kept")) {
        assertTrue(rs.next(), "the old folder's data is still there and readable");
        assertEquals(7, rs.getInt(1));
      }
      assertThrows(SQLException.class, () -> s.executeQuery("SELECT pg_read_file('postgresql.conf')"));
      assertThrows(SQLException.class, () -> s.execute("COPY (SELECT 1) TO PROGRAM 'true'"));
      assertThrows(SQLException.class, () -> s.execute("CREATE TABLE intruder (id int)"));
    }
  }

  @Test
  @DisplayName("lets the owner in with its password, for migrations")
  void ownerWithPassword() throws Exception {
    DatabaseUrl owner = database.url();
    try (Connection c = DriverManager.getConnection(owner.jdbcUrl(), owner.user(), owner.password());
         ResultSet rs = c.createStatement().executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
      assertTrue(rs.next());
      assertTrue(rs.getBoolean(1));
    }
  }
}
