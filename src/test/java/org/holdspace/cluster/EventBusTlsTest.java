package org.holdspace.cluster;

import io.vertx.core.eventbus.MessageConsumer;
import org.holdspace.support.Certificates;
import org.holdspace.support.TestCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The event bus between nodes over mutual TLS: two nodes with certificates of the cluster's CA exchange events; a
 * node with a certificate of another CA, and one with none, join Hazelcast (its membership is not what this
 * protects) but get no event from the others, and the others none from them.
 */
@DisplayName("Event bus TLS between clustered nodes")
class EventBusTlsTest {
  private static final String ADDRESS = "holdspace.test.tls";
  private static TestCluster cluster;
  private static final List<Set<String>> RECEIVED = new ArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    Path folder = Files.createTempDirectory("holdspace-bus-tls");
    Certificates.Ca ca = Certificates.ca(folder, "cluster-ca");
    Certificates.Ca otherCa = Certificates.ca(folder, "other-ca");
    Certificates.Signed node = Certificates.signed(folder, "node", ca, "IP:127.0.0.1", "DNS:localhost");
    Certificates.Signed stranger = Certificates.signed(folder, "stranger", otherCa, "IP:127.0.0.1", "DNS:localhost");
    cluster = TestCluster.start(2, Map.of("clusterTlsCertPath", node.cert().toString(),
        "clusterTlsKeyPath", node.key().toString(), "clusterTlsCaPath", ca.cert().toString()));
    cluster.addNode(Map.of("clusterTlsCertPath", stranger.cert().toString(),
        "clusterTlsKeyPath", stranger.key().toString(), "clusterTlsCaPath", otherCa.cert().toString()));
    cluster.addNode(Map.of("clusterTlsCertPath", "", "clusterTlsKeyPath", "", "clusterTlsCaPath", ""));
    cluster.awaitMembers(4, Duration.ofSeconds(60));
    for (int i = 0; i < cluster.size(); i++) {
      Set<String> received = ConcurrentHashMap.newKeySet();
      RECEIVED.add(received);
      MessageConsumer<String> consumer = cluster.node(i).server().vertx().eventBus()
          .consumer(ADDRESS, message -> received.add(message.body()));
      consumer.completion().await();
    }
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @DisplayName("nodes of one CA exchange events; a node of another CA or with no certificate is cut off both ways")
  void onlyPeersOfTheCa() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    int round = 0;
    while (System.nanoTime() < deadline && !(RECEIVED.get(1).contains("from-0") && RECEIVED.get(0).contains("from-1"))) {
      round++;
      for (int i = 0; i < cluster.size(); i++) {
        cluster.node(i).server().vertx().eventBus().publish(ADDRESS, "from-" + i);
      }
      Thread.sleep(200);
    }
    // a few more rounds, so that the cut-off nodes had every chance to connect
    for (int extra = 0; extra < 10; extra++) {
      for (int i = 0; i < cluster.size(); i++) {
        cluster.node(i).server().vertx().eventBus().publish(ADDRESS, "from-" + i);
      }
      Thread.sleep(200);
    }
    Thread.sleep(1000);
    assertTrue(RECEIVED.get(1).contains("from-0"), "node 1 heard node 0 after " + round + " rounds: " + RECEIVED);
    assertTrue(RECEIVED.get(0).contains("from-1"), "node 0 heard node 1: " + RECEIVED);
    assertEquals(Set.of("from-0", "from-1"), RECEIVED.get(0), "node 0 heard only the nodes of its CA");
    assertEquals(Set.of("from-0", "from-1"), RECEIVED.get(1), "node 1 heard only the nodes of its CA");
    assertEquals(Set.of("from-2"), RECEIVED.get(2), "the node of another CA heard only itself");
    assertEquals(Set.of("from-3"), RECEIVED.get(3), "the node without TLS heard only itself");
  }
}
