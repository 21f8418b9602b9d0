package org.holdspace.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import org.holdspace.cluster.ClusterStatus;

/**
 * {@code GET /health}: 200 when the server and its database answer and, for a clustered node, it is in the cluster;
 * 503 otherwise. The body says which part is down and how many nodes the cluster has.
 */
public final class HealthRoute {
  private final Pool pool;
  private final ClusterStatus cluster;

  public HealthRoute(Pool pool, ClusterStatus cluster) {
    this.pool = pool;
    this.cluster = cluster;
  }

  public void mount(Router router) {
    router.get("/health").handler(ctx -> pool.query("SELECT 1").execute()
        .timeout(3, java.util.concurrent.TimeUnit.SECONDS)
        .onComplete(ar -> {
          boolean up = ar.succeeded() && cluster.joined();
          Responses.json(ctx, up ? 200 : 503, new JsonObject()
              .put("status", up ? "up" : "down")
              .put("database", ar.succeeded() ? "up" : "down")
              .put("cluster", cluster.toJson()));
        }));
  }
}
