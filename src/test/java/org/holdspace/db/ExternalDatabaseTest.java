package org.holdspace.db;

import io.vertx.core.json.JsonObject;
import org.holdspace.support.TestDatabase;
import org.holdspace.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The server on the PostgreSQL that {@code DATABASE_URL} names (as {@code .ci/run} sets it), in a fresh database
 * created there and dropped afterwards. Skipped when {@code DATABASE_URL} is not set.
 */
@DisplayName("The server on the PostgreSQL named by DATABASE_URL")
class ExternalDatabaseTest {
  private static DatabaseUrl serverUrl;
  private static DatabaseUrl database;
  private static TestServer server;

  @BeforeAll
  static void start() {
    String url = System.getenv("DATABASE_URL");
    assumeTrue(url != null && !url.isBlank(), "DATABASE_URL is not set");
    serverUrl = DatabaseUrl.parse(url);
    database = TestDatabase.freshOn(serverUrl);
    server = TestServer.start(database, Map.of());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (database != null) {
      TestDatabase.execute(serverUrl, "DROP DATABASE IF EXISTS " + database.database() + " WITH (FORCE)");
    }
  }

  @Test
  @DisplayName("migrates a fresh database, signs in, creates a group and keeps it all across a restart")
  void signInCreateRestart() {
    assertEquals(database.database(), server.server().databaseUrl().database());
    assertEquals(serverUrl.host(), server.server().databaseUrl().host());
    expect(server.post("/api/auth/login", null, new JsonObject().put("username", "admin").put("password", "wrong")),
        401);
    TestServer.Account facilitator = server.newAccount("facilitator", "Dr. Ext");
    TestServer.Account member = server.newAccount("member", "Pat");
    JsonObject created = server.newGroup(facilitator, "ipt", 14);
    long groupId = created.getLong("id");
    server.enrol(facilitator, groupId, member);
    server.startSession(facilitator, groupId);

    server.restart();

    expect(server.get("/health", null), 200);
    String token = server.login(facilitator.username(), TestServer.PASSWORD);
    JsonObject group = expect(server.get("/api/groups/" + groupId, token), 200);
    assertEquals(created.getString("name"), group.getString("name"));
    for (int i = 0; i < 14; i++) {
      JsonObject planned = created.getJsonArray("plan").getJsonObject(i);
      JsonObject kept = group.getJsonArray("plan").getJsonObject(i);
      for (String field : new String[] {"number", "phase", "scheduledAt"}) {
        assertEquals(planned.getValue(field), kept.getValue(field), field);
      }
    }
    assertEquals(14, group.getJsonArray("plan").size());
    assertEquals(1, group.getInteger("currentSession"));
    assertEquals(member.id(), group.getJsonArray("members").getJsonObject(0).getLong("id"));
    expect(server.get("/api/groups/" + groupId, member.token()), 200);
    assertEquals("ended", server.endSession(facilitator, groupId).getString("status"));
  }
}
