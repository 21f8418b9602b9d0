package org.holdspace.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.PrometheusScrapingHandler;
import org.holdspace.http.Responses;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * {@code GET /metrics}: this node's meters in the Prometheus text format. They are counts and timings with no
 * group, account or text in any label, so the route is open unless {@code metricsToken} is set; then it wants
 * {@code Authorization: Bearer <metricsToken>}.
 */
public final class MetricsRoute {
  private final PrometheusMeterRegistry registry;
  private final Optional<byte[]> token;

  public MetricsRoute(PrometheusMeterRegistry registry, Optional<String> token) {
    this.registry = registry;
    this.token = token.map(t -> ("Bearer " + t).getBytes(StandardCharsets.UTF_8));
  }

  public void mount(Router router) {
    var scrape = PrometheusScrapingHandler.create(registry);
    router.get("/metrics").handler(ctx -> {
      if (token.isPresent()) {
        String header = ctx.request().getHeader("Authorization");
        byte[] given = header == null ? new byte[0] : header.getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token.get())) {
          Responses.json(ctx, 401, new JsonObject().put("code", "unauthenticated"));
          return;
        }
      }
      scrape.handle(ctx);
    });
  }
}
