package org.holdspace.metrics;

import io.vertx.core.json.JsonObject;
import org.holdspace.support.TestDatabase;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Health and metrics of a node on its own")
class MetricsTest {
  private static final String TOKEN = "a-scraper-token-for-tests";
  @RegisterExtension
  static final TestServerExtension SERVER = TestServerExtension.with(Map.of("metricsToken", TOKEN));
  private static TestServer server;

  @Test
  @DisplayName("health says the node is up and not clustered")
  void health() {
    JsonObject health = TestServer.expect(server.get("/health", null), 200);
    assertEquals("up", health.getString("status"));
    assertEquals("up", health.getString("database"));
    assertEquals(new JsonObject().put("enabled", false).put("members", 1), health.getJsonObject("cluster"));
  }

  @Test
  @DisplayName("with a metrics token, /metrics wants it; with it, the Prometheus text has Holdspace's and Vert.x's meters")
  void tokenGuardsMetrics() {
    assertEquals(401, server.get("/metrics", null).statusCode());
    assertEquals(401, server.get("/metrics", "wrong-token-of-some-length").statusCode());
    var response = server.get("/metrics", TOKEN);
    assertEquals(200, response.statusCode());
    assertTrue(response.getHeader("Content-Type").startsWith("text/plain"), response.getHeader("Content-Type"));
    String body = response.bodyAsString();
    for (String meter : new String[] {"holdspace_websocket_connections", "holdspace_events_published_total",
        "holdspace_event_delivery_seconds_count", "holdspace_cluster_members 1.0", "vertx_http_server_requests_total"}) {
      assertTrue(body.contains(meter), meter + " in\n" + body);
    }
  }

  @Test
  @DisplayName("with no token and metricsPublic unset, /metrics is refused to everyone; metricsPublic opens it")
  void closedUnlessPublic() {
    try (TestServer closed = TestServer.start(TestDatabase.fresh(), Map.of())) {
      assertEquals(401, closed.get("/metrics", null).statusCode());
      assertEquals(401, closed.get("/metrics", "any-token-of-some-length").statusCode());
      assertEquals(401, closed.get("/metrics", closed.adminToken()).statusCode());
    }
    try (TestServer open = TestServer.start(TestDatabase.fresh(), Map.of("metricsPublic", true))) {
      var response = open.get("/metrics", null);
      assertEquals(200, response.statusCode());
      assertTrue(response.bodyAsString().contains("holdspace_cluster_members 1.0"));
    }
  }
}
