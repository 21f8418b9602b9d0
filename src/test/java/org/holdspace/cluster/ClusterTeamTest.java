package org.holdspace.cluster;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.holdspace.support.ChatClient;
import org.holdspace.support.LiveGroup;
import org.holdspace.support.Refusals;
import org.holdspace.support.TestCluster;
import org.holdspace.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.holdspace.support.ChatClient.seconds;
import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two nodes, one database: taking someone off a group's team on one node ends their rights on the other at once. */
@DisplayName("Team changes across two clustered nodes")
class ClusterTeamTest {
  private static TestCluster cluster;
  @RegisterExtension
  final LiveGroup group = LiveGroup.of("Dr. Hale", "Ana").started().open(cluster.node(0));

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

  private String path(String rest) {
    return "/api/groups/" + group.id() + rest;
  }

  private static boolean left(JsonObject frame) {
    return "left".equals(frame.getString("type"));
  }

  @Test
  @DisplayName("a co-facilitator removed on node A gets `left` on node B, cannot moderate there nor join again")
  void facilitatorRemoved() {
    TestServer a = cluster.node(0);
    TestServer.Account co = a.newAccount("facilitator", "Dr. Moving On");
    expect(a.post(path("/facilitators"), group.facilitator().token(), new JsonObject().put("userId", co.id())), 201);
    ChatClient onB = group.joined(cluster.node(1), co);
    onB.request(group.frame("lock")).await();
    onB.request(group.frame("unlock")).await();
    assertEquals(204, a.call(HttpMethod.DELETE, path("/facilitators/" + co.id()), group.facilitator().token(), null)
        .statusCode());
    JsonObject frame = onB.await(ClusterTeamTest::left, seconds(5));
    assertEquals(group.id(), frame.getLong("groupId"));
    assertEquals("forbidden", Refusals.errorCode(() -> onB.request(group.frame("lock")).await()));
    assertEquals("forbidden", Refusals.errorCode(() -> onB.join(group.id(), null).await()));
  }

  @Test
  @DisplayName("a supervisor removed by an admin on node A gets `left` on node B and cannot join again there")
  void supervisorRemoved() {
    TestServer a = cluster.node(0);
    TestServer.Account supervisor = a.newAccount("supervisor", "Dr. Oversight");
    expect(a.post(path("/supervisors"), a.adminToken(), new JsonObject().put("userId", supervisor.id())), 201);
    ChatClient onB = group.joined(cluster.node(1), supervisor);
    assertEquals(204, a.call(HttpMethod.DELETE, path("/supervisors/" + supervisor.id()), a.adminToken(), null)
        .statusCode());
    JsonObject frame = onB.await(ClusterTeamTest::left, seconds(5));
    assertEquals(group.id(), frame.getLong("groupId"));
    assertEquals("forbidden", Refusals.errorCode(() -> onB.join(group.id(), null).await()));
    assertEquals(403, cluster.node(1).get(path(""), supervisor.token()).statusCode());
  }
}
