package org.holdspace.cluster;

import com.hazelcast.config.JoinConfig;
import io.vertx.core.json.JsonObject;
import org.holdspace.config.Config;
import org.holdspace.config.ConfigException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Cluster settings")
class ClusterSettingsTest {
  private static final Map<String, String> SHARED = Map.of("DATABASE_URL", "postgres://hs:pw@10.1.0.9:5432/holdspace",
      "HOLDSPACE_JWT_SECRET", "a-secret-every-node-of-the-cluster-shares");

  private static Config config(Map<String, String> env) {
    return Config.from(new JsonObject(), env);
  }

  /** The settings of a clustered node: the variables given, with the database and secret every node shares. */
  private static Config clustered(Map<String, String> env) {
    Map<String, String> all = new java.util.HashMap<>(SHARED);
    all.put("HOLDSPACE_CLUSTER", "true");
    all.putAll(env);
    return config(all);
  }

  @Test
  @DisplayName("clustering is off by default, and the defaults describe one node on loopback")
  void defaults() {
    Config config = config(Map.of());
    assertFalse(config.cluster());
    assertEquals(List.of("127.0.0.1"), config.clusterMembers());
    Config.ClusterNetwork net = config.clusterNetwork();
    assertEquals("127.0.0.1", net.host());
    assertEquals(5701, net.port());
    assertEquals(0, net.busPort());
    assertEquals("holdspace", net.name());
    assertEquals("members", net.discovery());
  }

  @Test
  @DisplayName("environment variables turn it on and give a TCP join to the listed members on one interface")
  void memberList() {
    Config config = clustered(Map.of("HOLDSPACE_CLUSTER_MEMBERS", "10.1.0.5:5701, 10.1.0.6",
        "HOLDSPACE_CLUSTER_HOST", "10.1.0.4", "HOLDSPACE_CLUSTER_PORT", "5801", "HOLDSPACE_CLUSTER_NAME", "clinic-a"));
    assertTrue(config.cluster());
    com.hazelcast.config.Config hz = HazelcastSettings.from(config);
    assertEquals("clinic-a", hz.getClusterName());
    assertEquals("false", hz.getProperty("hazelcast.phone.home.enabled"));
    assertEquals("slf4j", hz.getProperty("hazelcast.logging.type"));
    assertEquals(5801, hz.getNetworkConfig().getPort());
    assertTrue(hz.getNetworkConfig().getInterfaces().isEnabled());
    assertEquals(List.of("10.1.0.4"), List.copyOf(hz.getNetworkConfig().getInterfaces().getInterfaces()));
    JoinConfig join = hz.getNetworkConfig().getJoin();
    assertFalse(join.getMulticastConfig().isEnabled());
    assertFalse(join.getAutoDetectionConfig().isEnabled());
    assertFalse(join.getKubernetesConfig().isEnabled());
    assertTrue(join.getTcpIpConfig().isEnabled());
    assertEquals(List.of("10.1.0.5:5701", "10.1.0.6"), join.getTcpIpConfig().getMembers());
    assertTrue(hz.getMultiMapConfigs().containsKey("__vertx.subs"), "Vert.x's own structures are kept");
  }

  @Test
  @DisplayName("Kubernetes discovery through a headless service's DNS replaces the member list")
  void kubernetesDns() {
    Config config = clustered(Map.of("HOLDSPACE_CLUSTER_DISCOVERY", "kubernetes-dns",
        "HOLDSPACE_CLUSTER_KUBERNETES_SERVICE", "holdspace-hz.clinic.svc.cluster.local"));
    JoinConfig join = HazelcastSettings.from(config).getNetworkConfig().getJoin();
    assertTrue(join.getKubernetesConfig().isEnabled());
    assertEquals("holdspace-hz.clinic.svc.cluster.local", join.getKubernetesConfig().getProperty("service-dns"));
    assertFalse(join.getTcpIpConfig().isEnabled());
    assertFalse(join.getMulticastConfig().isEnabled());
  }

  @Test
  @DisplayName("unusable values fail the start with the key and its variable named")
  void badValues() {
    assertTrue(assertThrows(ConfigException.class, () -> config(Map.of("HOLDSPACE_CLUSTER_HOST", "node-a")))
        .getMessage().contains("HOLDSPACE_CLUSTER_HOST"));
    assertTrue(assertThrows(ConfigException.class, () -> config(Map.of("HOLDSPACE_CLUSTER_DISCOVERY", "multicast")))
        .getMessage().contains("HOLDSPACE_CLUSTER_DISCOVERY"));
    assertTrue(assertThrows(ConfigException.class,
        () -> config(Map.of("HOLDSPACE_CLUSTER_DISCOVERY", "kubernetes-api"))).getMessage()
        .contains("HOLDSPACE_CLUSTER_KUBERNETES_SERVICE"));
    assertTrue(assertThrows(ConfigException.class, () -> config(Map.of("HOLDSPACE_CLUSTER_MEMBERS", "a b")))
        .getMessage().contains("HOLDSPACE_CLUSTER_MEMBERS"));
    assertTrue(assertThrows(ConfigException.class, () -> config(Map.of("HOLDSPACE_CLUSTER_PORT", "70000")))
        .getMessage().contains("HOLDSPACE_CLUSTER_PORT"));
    assertTrue(assertThrows(ConfigException.class, () -> config(Map.of("HOLDSPACE_METRICS_TOKEN", "short")))
        .getMessage().contains("HOLDSPACE_METRICS_TOKEN"));
  }

  @Test
  @DisplayName("a clustered node must be given the shared database and token secret, never make its own")
  void sharedDatabaseAndSecret() {
    assertTrue(assertThrows(ConfigException.class, () -> config(Map.of("HOLDSPACE_CLUSTER", "true",
        "HOLDSPACE_JWT_SECRET", SHARED.get("HOLDSPACE_JWT_SECRET")))).getMessage().contains("DATABASE_URL"));
    assertTrue(assertThrows(ConfigException.class, () -> config(Map.of("HOLDSPACE_CLUSTER", "true",
        "DATABASE_URL", SHARED.get("DATABASE_URL")))).getMessage().contains("HOLDSPACE_JWT_SECRET"));
    assertTrue(clustered(Map.of()).cluster());
  }
}
