package org.holdspace.http;

import io.vertx.core.json.JsonObject;
import org.holdspace.db.DatabaseUrl;
import org.holdspace.support.TestDatabase;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The database is taken away for real: it refuses new connections and its open ones are ended. */
@DisplayName("The health check")
@ExtendWith(TestServerExtension.class)
class HealthTest {
  private static DatabaseUrl database;
  private static TestServer server;

  @BeforeAll
  static void start() {
    database = server.server().databaseUrl();
  }

  @AfterAll
  static void stop() {
    setConnectionsAllowed(true);
  }

  private static void setConnectionsAllowed(boolean allowed) {
    DatabaseUrl admin = database.withDatabase("postgres");
    TestDatabase.execute(admin, "ALTER DATABASE " + database.database() + " WITH ALLOW_CONNECTIONS " + allowed);
    if (!allowed) {
      TestDatabase.execute(admin, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
          + database.database() + "' AND pid <> pg_backend_pid()");
    }
  }

  @Test
  @DisplayName("answers 200 while the database answers, 503 while it is gone, and 200 again once it is back")
  void followsTheDatabase() {
    JsonObject up = expect(server.get("/health", null), 200);
    assertEquals("up", up.getString("status"));
    assertEquals("up", up.getString("database"));
    assertEquals(new JsonObject().put("enabled", false).put("members", 1), up.getJsonObject("cluster"));
    setConnectionsAllowed(false);
    try {
      JsonObject down = expect(server.get("/health", null), 503);
      assertEquals("down", down.getString("database"));
      expect(server.get("/health", null), 503);
    } finally {
      setConnectionsAllowed(true);
    }
    assertEquals("up", expect(server.get("/health", null), 200).getString("database"));
    String token = server.login("admin", TestServer.ADMIN_PASSWORD);
    assertEquals(200, server.get("/api/groups", token).statusCode());
  }

  @Test
  @DisplayName("needs no token")
  void needsNoToken() {
    expect(server.get("/health", "not-a-token"), 200);
  }
}
