package org.holdspace.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.PrometheusScrapingHandler;
import org.holdspace.http.Responses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * {@code GET /metrics}: this node's meters in the Prometheus text format. They name no group, account or text, but
 * they tell how busy the service is and which software it runs, so the route wants
 * {@code Authorization: Bearer <metricsToken>} unless {@code metricsPublic} is true. With neither, every scrape is
 * refused (401) and the start-up log says how to enable it.
 */
public final class MetricsRoute {
  private static final Logger LOG = LoggerFactory.getLogger(MetricsRoute.class);

  private final PrometheusMeterRegistry registry;
  private final Optional<byte[]> token;
  private final boolean open;

  public MetricsRoute(PrometheusMeterRegistry registry, Optional<String> token, boolean metricsPublic) {
    this.registry = registry;
    this.token = token.map(t -> ("Bearer " + t).getBytes(StandardCharsets.UTF_8));
    this.open = metricsPublic;
    if (!metricsPublic && token.isEmpty()) {
      LOG.info("GET /metrics answers 401: set metricsToken (HOLDSPACE_METRICS_TOKEN) and scrape with "
          + "'Authorization: Bearer <token>', or set metricsPublic (HOLDSPACE_METRICS_PUBLIC) to true");
    }
  }

  public void mount(Router router) {
    var scrape = PrometheusScrapingHandler.create(registry);
    router.get("/metrics").handler(ctx -> {
      if (!open) {
        String header = ctx.request().getHeader("Authorization");
        byte[] given = header == null ? new byte[0] : header.getBytes(StandardCharsets.UTF_8);
        if (token.isEmpty() || !MessageDigest.isEqual(given, token.get())) {
          Responses.json(ctx, 401, new JsonObject().put("code", "unauthenticated"));
          return;
        }
      }
      scrape.handle(ctx);
    });
  }
}
