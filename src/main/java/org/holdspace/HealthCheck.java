package org.holdspace;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A container health check with nothing but the JVM: {@code java -cp /app/classes org.holdspace.HealthCheck [url]}
 * exits 0 when {@code GET /health} answers 200 (default {@code http://127.0.0.1:$HOLDSPACE_HTTP_PORT/health}), 1
 * otherwise, including while the node drains.
 */
public final class HealthCheck {
  private HealthCheck() {
  }

  public static void main(String[] args) {
    String port = System.getenv().getOrDefault("HOLDSPACE_HTTP_PORT", "8080");
    String url = args.length > 0 ? args[0] : "http://127.0.0.1:" + port + "/health";
    try {
      HttpResponse<Void> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build()
          .send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
              HttpResponse.BodyHandlers.discarding());
      System.exit(response.statusCode() == 200 ? 0 : 1);
    } catch (Exception e) {
      System.exit(1);
    }
  }
}
