package org.holdspace.cluster;

import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import org.holdspace.config.Config;

/**
 * The Hazelcast configuration of a clustered node, built from the settings: Vert.x's own base configuration (the maps
 * its event bus needs, or a {@code cluster.xml} an operator supplies) with the network and join set explicitly:
 * one bound interface, no multicast and no auto-detection, TCP to the listed members or Kubernetes discovery,
 * phone-home off, logging through SLF4J, and timings that let a node join in seconds and a dead node be noticed
 * in about ten.
 */
public final class HazelcastSettings {
  /** How many ports from {@code clusterPort} on are tried, to bind and to find the members listed without one. */
  static final int PORT_COUNT = 10;

  private HazelcastSettings() {
  }

  public static com.hazelcast.config.Config from(Config config) {
    // Read before any Hazelcast class logs, so that even its first lines go through SLF4J.
    System.setProperty("hazelcast.logging.type", "slf4j");
    Config.ClusterNetwork net = config.clusterNetwork();
    com.hazelcast.config.Config hz = ConfigUtil.loadConfig();
    hz.setClusterName(net.name());
    hz.setProperty("hazelcast.logging.type", "slf4j");
    hz.setProperty("hazelcast.phone.home.enabled", "false");
    hz.setProperty("hazelcast.socket.bind.any", "false");
    hz.setProperty("hazelcast.tcp.join.port.try.count", Integer.toString(PORT_COUNT));
    // A lone first node waits this long for others before it forms the cluster itself.
    hz.setProperty("hazelcast.wait.seconds.before.join", "1");
    hz.setProperty("hazelcast.max.wait.seconds.before.join", "3");
    hz.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    hz.setProperty("hazelcast.max.no.heartbeat.seconds", "10");
    // Nodes that started apart (both alone) find each other and merge within seconds, not the default minutes.
    hz.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
    hz.setProperty("hazelcast.merge.next.run.delay.seconds", "5");
    hz.setProperty("hazelcast.graceful.shutdown.max.wait", "30");
    // Hazelcast's own hook would leave the cluster at SIGTERM while the node still drains its sockets through the
    // event bus; the node leaves when Vert.x closes, at the end of its shutdown.
    hz.setProperty("hazelcast.shutdownhook.enabled", "false");
    hz.setProperty("hazelcast.health.monitoring.level", "OFF");

    NetworkConfig network = hz.getNetworkConfig();
    network.setPort(net.port()).setPortAutoIncrement(true).setPortCount(PORT_COUNT);
    network.getInterfaces().setEnabled(true).clear().addInterface(net.host());
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(false).clear();
    join.getKubernetesConfig().setEnabled(false);
    switch (net.discovery()) {
      case "kubernetes-dns" -> join.getKubernetesConfig().setEnabled(true)
          .setProperty("service-dns", net.kubernetesService().orElseThrow());
      case "kubernetes-api" -> join.getKubernetesConfig().setEnabled(true)
          .setProperty("service-name", net.kubernetesService().orElseThrow());
      default -> join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(2)
          .setMembers(config.clusterMembers());
    }
    return hz;
  }
}
