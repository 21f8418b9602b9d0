package org.holdspace.cluster;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/** Whether this node runs in a cluster, whether it is in it now, and how many nodes the cluster has. */
public final class ClusterStatus {
  private final HazelcastClusterManager manager;

  private ClusterStatus(HazelcastClusterManager manager) {
    this.manager = manager;
  }

  /** A node on its own. */
  public static ClusterStatus single() {
    return new ClusterStatus(null);
  }

  public static ClusterStatus of(HazelcastClusterManager manager) {
    return new ClusterStatus(manager);
  }

  public boolean enabled() {
    return manager != null;
  }

  /** In the cluster now (always, for a node on its own). */
  public boolean joined() {
    if (manager == null) {
      return true;
    }
    HazelcastInstance hz = manager.getHazelcastInstance();
    return manager.isActive() && hz != null && hz.getLifecycleService().isRunning();
  }

  /** The nodes of the cluster this node sees, itself included; 0 when it is not in the cluster. */
  public int members() {
    if (manager == null) {
      return 1;
    }
    if (!joined()) {
      return 0;
    }
    try {
      return manager.getHazelcastInstance().getCluster().getMembers().size();
    } catch (RuntimeException notRunning) {
      return 0;
    }
  }

  /** The node id that Vert.x uses on the event bus, or null on its own. */
  public String nodeId() {
    return manager == null ? null : manager.getNodeId();
  }

  public JsonObject toJson() {
    return new JsonObject().put("enabled", enabled()).put("members", members());
  }
}
