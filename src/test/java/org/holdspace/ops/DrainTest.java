package org.holdspace.ops;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.holdspace.support.ChatClient;
import org.holdspace.support.LiveGroup;
import org.holdspace.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.holdspace.support.ChatClient.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The drain at the start of a shutdown, inside this JVM: what the balancer, new sockets and open sockets see. */
@DisplayName("A server that drains")
class DrainTest {
  private final TestServer server = TestServer.start();
  private final LiveGroup group = LiveGroup.of("Dr. Drain", "Ana").started().open(server);

  @AfterEach
  void stop() {
    group.close();
    server.close();
  }

  @Test
  @DisplayName("answers /health with 503, refuses new sockets and says goodbye to open ones with 1012")
  void drains() {
    ChatClient ana = group.joined(group.member(0));
    ChatClient facilitator = group.joined(group.facilitator());
    long seq = ana.say(group.id(), "before the drain", "drain-1").await();
    assertEquals(200, server.get("/health", null).statusCode());

    Future<Void> drained = server.server().services().drainSockets(System.currentTimeMillis() + 5000);
    for (ChatClient client : new ChatClient[] {ana, facilitator}) {
      JsonObject goodbye = client.await(f -> "goodbye".equals(f.getString("type")), seconds(5));
      assertEquals("shutdown", goodbye.getString("reason"));
      assertEquals((short) 1012, client.awaitClose(seconds(5)));
      assertEquals(goodbye, client.received().get(client.received().size() - 1), "nothing after the goodbye");
    }
    drained.await();

    var health = server.get("/health", null);
    assertEquals(503, health.statusCode());
    assertEquals("draining", health.bodyAsJsonObject().getString("status"));
    Throwable refused = ChatClient.connect(server.clientVertx(), "127.0.0.1", server.port(), Map.of())
        .toCompletionStage().handle((ok, e) -> e).toCompletableFuture().join();
    assertNotNull(refused, "a new socket is refused while draining");
    assertTrue(refused.getMessage().contains("503"), refused.toString());
    assertTrue(seq > 0);
  }
}
