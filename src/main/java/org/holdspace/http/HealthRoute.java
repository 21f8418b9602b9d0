package org.holdspace.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;

/** {@code GET /health}: 200 when the server and its database answer, 503 otherwise. */
public final class HealthRoute {
  private final Pool pool;

  public HealthRoute(Pool pool) {
    this.pool = pool;
  }

  public void mount(Router router) {
    router.get("/health").handler(ctx -> pool.query("SELECT 1").execute()
        .timeout(3, java.util.concurrent.TimeUnit.SECONDS)
        .onComplete(ar -> Responses.json(ctx, ar.succeeded() ? 200 : 503, new JsonObject()
            .put("status", ar.succeeded() ? "up" : "down")
            .put("database", ar.succeeded() ? "up" : "down"))));
  }
}
