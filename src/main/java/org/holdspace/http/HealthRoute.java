package org.holdspace.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import org.holdspace.cluster.ClusterStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * {@code GET /health}: 200 when the server and its database answer and, for a clustered node, it is in the cluster;
 * 503 otherwise. The body says which part is down and how many nodes the cluster has.
 */
public final class HealthRoute {
  private static final Logger LOG = LoggerFactory.getLogger(HealthRoute.class);
  private final Pool pool;
  private final ClusterStatus cluster;

  public HealthRoute(Pool pool, ClusterStatus cluster) {
    this.pool = pool;
    this.cluster = cluster;
  }

  public void mount(Router router) {
    // A second try on a fresh connection: a pooled connection the database ended (a restart, a terminated
    // backend) fails once before the pool drops it, and says nothing about the database now.
    router.get("/health").handler(ctx -> databaseAnswers().recover(e -> databaseAnswers())
        .onComplete(ar -> {
          if (ar.failed()) {
            LOG.warn("Health check: the database did not answer: {}", ar.cause().toString());
          }
          boolean up = ar.succeeded() && cluster.joined();
          Responses.json(ctx, up ? 200 : 503, new JsonObject()
              .put("status", up ? "up" : "down")
              .put("database", ar.succeeded() ? "up" : "down")
              .put("cluster", cluster.toJson()));
        }));
  }

  private Future<Void> databaseAnswers() {
    return pool.query("SELECT 1").execute().timeout(3, TimeUnit.SECONDS).mapEmpty();
  }
}
