package org.holdspace.cluster;

import io.vertx.core.json.JsonObject;
import org.holdspace.support.TestCluster;
import org.holdspace.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Failed-sign-in limits count over the nodes of a cluster together, not per node. */
@DisplayName("Sign-in limits across two clustered nodes")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterLimitsTest {
  private static TestCluster cluster;

  @BeforeAll
  static void start() {
    cluster = TestCluster.start(2, Map.of("loginFailuresPerUsername", 3, "loginFailuresPerAddress", 8));
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static int login(int node, String username, String password) {
    return cluster.node(node).post("/api/auth/login", null,
        new JsonObject().put("username", username).put("password", password)).statusCode();
  }

  @Test
  @Order(1)
  @DisplayName("failures spread over both nodes lock the username on both, the right password included")
  void usernameLimitHoldsAcrossNodes() {
    TestServer.Account target = cluster.node(0).newAccount("member", "Ragna");
    assertEquals(401, login(0, target.username(), "wrong-1"));
    assertEquals(401, login(1, target.username(), "wrong-2"));
    assertEquals(401, login(0, target.username(), "wrong-3"));
    assertEquals(429, login(1, target.username(), TestServer.PASSWORD), "node 1 counts node 0's failures");
    assertEquals(429, login(0, target.username(), TestServer.PASSWORD), "and node 0 node 1's");
  }

  @Test
  @Order(2)
  @DisplayName("failures from one address (it locks every sign-in from it, so this runs last) spread over both nodes lock that address on both")
  void addressLimitHoldsAcrossNodes() {
    TestServer.Account member = cluster.node(1).newAccount("member", "Sigurd");
    int before = 3; // the failures of the test before, from the same address
    int status = 0;
    int attempts = 0;
    while (attempts < 20 && status != 429) {
      status = login(attempts % 2, "nobody-" + attempts, "wrong");
      attempts++;
    }
    assertEquals(429, status);
    assertEquals(8 - before + 1, attempts, "refused after 8 failures over both nodes, not 8 on each");
    assertEquals(429, login(0, member.username(), TestServer.PASSWORD));
    assertEquals(429, login(1, member.username(), TestServer.PASSWORD));
  }
}
