package org.holdspace.cluster;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.holdspace.support.ChatClient;
import org.holdspace.support.TestCluster;
import org.holdspace.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each node keeps recent token checks for a few seconds; an ending of sign-ins on one node must still hold on the
 * other at once (well inside that time), both for HTTP calls and for open sockets.
 */
@DisplayName("Revocation across two clustered nodes")
class ClusterRevocationTest {
  /** Well under the five seconds a node may keep a token check: a refusal sooner than this came from the event bus. */
  private static final long WITHIN_MS = 1500;
  private static TestCluster cluster;

  @BeforeAll
  static void start() {
    cluster = TestCluster.start(2, Map.of());
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  /** Milliseconds until the token is refused on the node (fails after two seconds). */
  private static long refusedAfter(TestServer node, String token, long since) {
    while (node.get("/api/groups", token).statusCode() != 401) {
      assertTrue(System.currentTimeMillis() - since < 2000, "still accepted after two seconds");
    }
    return System.currentTimeMillis() - since;
  }

  @Test
  @DisplayName("a token signed out on node A is refused on node B at once, though B had just checked it")
  void signOutHoldsOnTheOtherNode() {
    TestServer a = cluster.node(0);
    TestServer b = cluster.node(1);
    TestServer.Account account = a.newAccount("member", "Nomad");
    assertEquals(200, b.get("/api/groups", account.token()).statusCode());
    assertEquals(200, b.get("/api/groups", account.token()).statusCode(), "checked, and now kept, on node B");
    long since = System.currentTimeMillis();
    assertEquals(204, a.post("/api/auth/logout", account.token(), null).statusCode());
    assertEquals(401, a.get("/api/groups", account.token()).statusCode(), "at once on the node that signed out");
    long after = refusedAfter(b, account.token(), since);
    assertTrue(after < WITHIN_MS, "refused on node B after " + after + " ms");
  }

  @Test
  @DisplayName("an account deactivated on node A has its socket on node B closed and its token refused there")
  void deactivationClosesTheOtherNodesSocket() {
    TestServer a = cluster.node(0);
    TestServer b = cluster.node(1);
    TestServer.Account account = a.newAccount("member", "Wanderer");
    ChatClient socket = b.connect(account);
    assertEquals(200, b.get("/api/groups", account.token()).statusCode());
    long since = System.currentTimeMillis();
    assertEquals(200, a.call(HttpMethod.PATCH, "/api/users/" + account.id(), a.adminToken(),
        new JsonObject().put("active", false)).statusCode());
    JsonObject error = socket.await(f -> "error".equals(f.getString("type")), Duration.ofSeconds(1));
    assertEquals("unauthenticated", error.getString("code"));
    socket.awaitClose(Duration.ofSeconds(1));
    long after = refusedAfter(b, account.token(), since);
    assertTrue(after < WITHIN_MS, "refused on node B after " + after + " ms");
  }

  @Test
  @DisplayName("sign-out everywhere on node B ends the account's sign-ins on node A too")
  void everywhereMeansEveryNode() {
    TestServer a = cluster.node(0);
    TestServer b = cluster.node(1);
    TestServer.Account account = a.newAccount("member", "Drifter");
    String other = a.login(account.username(), TestServer.PASSWORD);
    assertEquals(200, a.get("/api/groups", other).statusCode());
    ChatClient socket = a.connect(account);
    long since = System.currentTimeMillis();
    assertEquals(204, b.post("/api/auth/logout-all", account.token(), null).statusCode());
    socket.awaitClose(Duration.ofSeconds(1));
    long after = refusedAfter(a, other, since);
    assertTrue(after < WITHIN_MS, "refused on node A after " + after + " ms");
  }
}
