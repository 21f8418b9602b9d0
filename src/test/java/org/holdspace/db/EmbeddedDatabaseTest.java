package org.holdspace.db;

import io.vertx.core.json.JsonObject;
import org.holdspace.config.Config;
import org.holdspace.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The production default: no DATABASE_URL, no secret and no admin password configured. The server creates its own
 * PostgreSQL, token secret and first admin in the data folder, and finds them all again after a restart.
 */
@DisplayName("The server on its embedded database")
class EmbeddedDatabaseTest {
  private static final Pattern ADMIN_LINE = Pattern.compile("Username: admin\\s+Password: (\\S+)");
  @TempDir
  static Path dataDir;
  private static TestServer server;
  private static String firstOutput;
  private static Config config;

  @BeforeAll
  static void start() {
    config = Config.from(new JsonObject().put("httpHost", "127.0.0.1").put("httpPort", 0)
        .put("dataDir", dataDir.toString()).put("passwordHashIterations", 1000), Map.of());
    firstOutput = printedWhile(() -> server = TestServer.start(config));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** What the server prints to standard output while {@code action} runs (still passed on to the real output). */
  private static String printedWhile(Runnable action) {
    PrintStream original = System.out;
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    System.setOut(new PrintStream(new OutputStream() {
      @Override
      public void write(int b) {
        copy.write(b);
        original.write(b);
      }
    }, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setOut(original);
    }
    return copy.toString(StandardCharsets.UTF_8);
  }

  private static String setting(String name) throws SQLException {
    DatabaseUrl url = server.server().databaseUrl();
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
         ResultSet rs = c.createStatement().executeQuery("SHOW " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  @DisplayName("creates the first admin with a generated password, printed once, and keeps everything across a restart")
  void firstStartAndRestart() throws IOException {
    Matcher admin = ADMIN_LINE.matcher(firstOutput);
    assertTrue(admin.find(), "the first start prints the admin's password: " + firstOutput);
    String adminPassword = admin.group(1);
    String adminToken = server.login("admin", adminPassword);

    Path secret = dataDir.resolve("jwt-secret");
    assertTrue(Files.size(secret) >= 32);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));

    JsonObject user = expect(server.post("/api/users", adminToken, new JsonObject().put("username", "keeper")
        .put("password", "keeper-password").put("displayName", "Dr. Keep").put("role", "facilitator")), 201);
    String facilitatorToken = server.login("keeper", "keeper-password");
    JsonObject group = expect(server.post("/api/groups", facilitatorToken, new JsonObject().put("name", "Kept")
        .put("protocol", "dit").put("sessionCount", 16)), 201);
    long groupId = group.getLong("id");
    server.startSession(new TestServer.Account(user.getLong("id"), "keeper", "Dr. Keep", facilitatorToken), groupId);

    String secondOutput = printedWhile(server::restart);
    assertFalse(ADMIN_LINE.matcher(secondOutput).find(), "no second admin is made: " + secondOutput);

    JsonObject kept = expect(server.get("/api/groups/" + groupId, facilitatorToken), 200);
    assertEquals("Kept", kept.getString("name"));
    assertEquals(16, kept.getJsonArray("plan").size());
    assertEquals(1, kept.getInteger("currentSession"));
    server.login("admin", adminPassword);
    server.login("keeper", "keeper-password");
  }

  @Test
  @DisplayName("runs PostgreSQL durably: fsync and synchronous commit on, so an acknowledged write survives a crash")
  void durable() throws SQLException {
    assertEquals("on", setting("fsync"));
    assertEquals("on", setting("synchronous_commit"));
    assertEquals("on", setting("full_page_writes"));
  }

  @Test
  @DisplayName("runs PostgreSQL binaries from the data folder, which only its owner may change")
  void binariesInTheDataFolder() throws IOException {
    String pid = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(0).trim();
    Path executable = Files.readSymbolicLink(Path.of("/proc", pid, "exe"));
    assertTrue(executable.startsWith(dataDir.toRealPath()), "postgres runs from " + executable);
    assertEquals("rwx------", PosixFilePermissions.toString(
        Files.getPosixFilePermissions(dataDir.resolve("postgres-bin"))));
  }

  @Test
  @DisplayName("keeps its PostgreSQL data in the data folder and listens on the loopback address only")
  void whereItLives() throws SQLException {
    assertTrue(Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION")));
    assertEquals("127.0.0.1", setting("listen_addresses"));
    assertEquals("127.0.0.1", server.server().databaseUrl().host());
  }
}
