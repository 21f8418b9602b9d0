package org.holdspace.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

import java.util.function.Function;

/** One HTTP and WebSocket server instance on its event loop; several share the port. */
public final class HttpVerticle extends VerticleBase {
  private final Function<Vertx, Router> routes;
  private final HttpServerOptions options;

  /** A server with the routes built for its own event loop and these options (host, port, TLS, limits). */
  public HttpVerticle(Function<Vertx, Router> routes, HttpServerOptions options) {
    this.routes = routes;
    this.options = options;
  }

  @Override
  public Future<?> start() {
    return vertx.createHttpServer(new HttpServerOptions(options)).requestHandler(routes.apply(vertx)).listen();
  }
}
