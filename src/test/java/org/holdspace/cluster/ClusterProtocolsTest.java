package org.holdspace.cluster;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.holdspace.support.ChatClient;
import org.holdspace.support.Refusals;
import org.holdspace.support.TestCluster;
import org.holdspace.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.holdspace.support.ChatClient.seconds;
import static org.holdspace.support.Frames.event;
import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two nodes on loopback, one database: a protocol defined on one is used on the other; a dropout reaches both. */
@DisplayName("Protocols and dropouts across two clustered nodes")
class ClusterProtocolsTest {
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

  private static JsonObject span(String phase, int from, int to) {
    return new JsonObject().put("phase", phase).put("from", from).put("to", to);
  }

  @Test
  @DisplayName("a protocol an admin defines on node 0 is listed and runs a closed group on node 1")
  void definedOnOneUsedOnTheOther() {
    TestServer first = cluster.node(0);
    TestServer second = cluster.node(1);
    TestServer.Account facilitator = first.newAccount("facilitator", "Dr. Banda");
    TestServer.Account ana = first.newAccount("member", "Ana");
    TestServer.Account ben = first.newAccount("member", "Ben");
    int before = expect200(second.get("/api/protocols", facilitator.token())).size();
    expect(first.post("/api/protocols", first.adminToken(), new JsonObject().put("id", "six-week-ipt")
        .put("name", "Six weeks").put("minSessions", 6).put("maxSessions", 6).put("enrolmentClosesAfter", 1)
        .put("phases", new JsonArray().add(span("initial", 1, 1)).add(span("middle", 2, 5))
            .add(span("termination", 6, 6)))), 201);
    assertEquals(before + 1, expect200(second.get("/api/protocols", facilitator.token())).size());

    JsonObject group = expect(second.post("/api/groups", facilitator.token(), new JsonObject().put("name", "Six")
        .put("protocol", "six-week-ipt").put("sessionCount", 6)), 201);
    long groupId = group.getLong("id");
    second.enrol(facilitator, groupId, ana);
    second.startSession(facilitator, groupId);
    assertEquals(409, first.post("/api/groups/" + groupId + "/members", facilitator.token(),
        new JsonObject().put("userId", ben.id())).statusCode(), "closed after session 1 on either node");

    ChatClient anaOnSecond = second.connect(ana);
    anaOnSecond.join(groupId, null).await();
    expect(first.call(HttpMethod.DELETE, "/api/groups/" + groupId + "/members/" + ana.id(), facilitator.token(),
        new JsonObject().put("reason", "moved away")), 200);
    anaOnSecond.await(event("participation_ended"), seconds(5));
    assertEquals("forbidden", Refusals.errorCode(() -> anaOnSecond.join(groupId, null).await()));
    ChatClient anaOnFirst = first.connect(ana);
    assertEquals("forbidden", Refusals.errorCode(() -> anaOnFirst.join(groupId, null).await()));
    anaOnSecond.close();
    anaOnFirst.close();
  }

  private static JsonArray expect200(io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> response) {
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonArray();
  }
}
