package org.holdspace.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import org.holdspace.cluster.ClusterStatus;
import org.holdspace.core.Drain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code GET /health}: 200 when the server and its database answer and, for a clustered node, it is in the cluster;
 * 503 otherwise, and from the start of a shutdown's drain on (status {@code draining}), so that a balancer sends
 * new sockets elsewhere first. The body says which part is down and how many nodes the cluster has.
 */
public final class HealthRoute {
  private static final Logger LOG = LoggerFactory.getLogger(HealthRoute.class);
  private static final long RETRY_PAUSE_MS = 20;
  private final Pool pool;
  private final ClusterStatus cluster;
  private final int poolSize;
  private final Drain drain;

  public HealthRoute(Pool pool, ClusterStatus cluster, int poolSize, Drain drain) {
    this.pool = pool;
    this.cluster = cluster;
    this.poolSize = poolSize;
    this.drain = drain;
  }

  public void mount(Router router) {
    router.get("/health").handler(ctx -> {
      if (drain.draining()) {
        Responses.json(ctx, 503, new JsonObject().put("status", "draining").put("cluster", cluster.toJson()));
        return;
      }
      answer(ctx);
    });
  }

  private void answer(io.vertx.ext.web.RoutingContext ctx) {
    databaseAnswers(ctx.vertx(), poolSize + 1)
        .onComplete(ar -> {
          if (ar.failed()) {
            LOG.warn("Health check: the database did not answer: {}", ar.cause().toString());
          }
          boolean up = ar.succeeded() && cluster.joined();
          Responses.json(ctx, up ? 200 : 503, new JsonObject()
              .put("status", up ? "up" : "down")
              .put("database", ar.succeeded() ? "up" : "down")
              .put("cluster", cluster.toJson()));
        });
  }

  /**
   * Whether the database answers, trying again while pooled connections turn out dead: a connection that the
   * database ended (a restart, a terminated backend) fails once before the pool drops it, and says nothing about
   * the database now. The pause between tries lets the pool see the failed connection close. A timeout is not
   * retried.
   */
  private Future<Void> databaseAnswers(Vertx vertx, int tries) {
    return pool.query("SELECT 1").execute().timeout(3, TimeUnit.SECONDS).<Void>mapEmpty()
        .recover(e -> tries > 1 && !(e instanceof TimeoutException)
            ? vertx.timer(RETRY_PAUSE_MS, TimeUnit.MILLISECONDS).compose(v -> databaseAnswers(vertx, tries - 1))
            : Future.failedFuture(e));
  }
}
