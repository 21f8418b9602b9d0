package org.holdspace;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.holdspace.config.Config;
import org.holdspace.db.DatabaseUrl;
import org.holdspace.support.TestDatabase;
import org.holdspace.support.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Starting the server")
class ServerStartTest {

  private static long connectionsTo(DatabaseUrl database) throws SQLException {
    DatabaseUrl admin = database.withDatabase("postgres");
    try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
         ResultSet rs = c.createStatement().executeQuery(
             "SELECT count(*) FROM pg_stat_activity WHERE datname = '" + database.database() + "'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  @DisplayName("fails on a port already in use and leaves nothing running: no database connection stays open")
  void portInUse() throws IOException, SQLException {
    DatabaseUrl database = TestDatabase.fresh();
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Config config = TestServer.config(database, Map.of("httpPort", taken.getLocalPort()));
      assertThrows(java.net.BindException.class, () -> Server.start(config));
    }
    // The backends of closed connections end a moment after the close; wait for that, within a bound.
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    long open = connectionsTo(database);
    while (open > 0 && Instant.now().isBefore(deadline)) {
      pause();
      open = connectionsTo(database);
    }
    assertEquals(0, open, "connections left open by the failed start");
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code java org.holdspace.Main args} in an empty folder (no config file), with only the given environment. */
  private static Process main(Path folder, Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(false);
    builder.environment().keySet().removeIf(key -> key.startsWith("HOLDSPACE_") || key.equals("DATABASE_URL"));
    builder.environment().putAll(env);
    return builder.start();
  }

  @Test
  @DisplayName("a bad environment value stops the process with status 2 and a message naming the key")
  void badConfigurationStopsTheProcess(@TempDir Path folder) throws Exception {
    Process process = main(folder, Map.of("HOLDSPACE_HTTP_PORT", "eighty"));
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the process stops by itself");
    String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(2, process.exitValue(), errors);
    assertTrue(errors.contains("'httpPort'") && errors.contains("HOLDSPACE_HTTP_PORT"), errors);
  }

  @Test
  @DisplayName("java Main --demo on port 0 logs the port it listens on and prints demo logins that work")
  void mainWithDemo(@TempDir Path folder) throws Exception {
    DatabaseUrl database = TestDatabase.fresh();
    Process process = main(folder, Map.of("HOLDSPACE_HTTP_PORT", "0", "HOLDSPACE_HTTP_HOST", "127.0.0.1",
        "DATABASE_URL", database.toUrl(), "HOLDSPACE_DATA_DIR", folder.resolve("data").toString(),
        "HOLDSPACE_ADMIN_PASSWORD", TestServer.ADMIN_PASSWORD, "HOLDSPACE_PASSWORD_HASH_ITERATIONS", "1000"), "--demo");
    try {
      List<String> lines = new ArrayList<>();
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      Matcher listening = null;
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        lines.add(line);
        Matcher m = Pattern.compile("Holdspace listening on port (\\d+)").matcher(line);
        if (m.find()) {
          listening = m;
          break;
        }
      }
      assertTrue(listening != null, "no listening line in: " + lines);
      int port = Integer.parseInt(listening.group(1));
      String printed = String.join("\n", lines);
      Matcher facilitator = Pattern.compile("facilitator\\s+demo-facilitator\\s+password (\\S+)").matcher(printed);
      Matcher group = Pattern.compile("Demo group id: (\\d+)").matcher(printed);
      assertTrue(facilitator.find() && group.find(), printed);

      Vertx vertx = Vertx.vertx();
      try {
        WebClient client = WebClient.create(vertx);
        assertEquals(200, client.get(port, "127.0.0.1", "/health").send().await().statusCode());
        JsonObject login = client.post(port, "127.0.0.1", "/api/auth/login").sendJsonObject(new JsonObject()
            .put("username", "demo-facilitator").put("password", facilitator.group(1))).await().bodyAsJsonObject();
        JsonObject demo = client.get(port, "127.0.0.1", "/api/groups/" + group.group(1))
            .putHeader("Authorization", "Bearer " + login.getString("token")).send().await().bodyAsJsonObject();
        assertEquals(16, demo.getInteger("sessionCount"));
        assertEquals(4, demo.getJsonArray("members").size());
      } finally {
        vertx.close().await();
      }
    } finally {
      process.destroy();
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the server stops on SIGTERM");
    }
  }
}
