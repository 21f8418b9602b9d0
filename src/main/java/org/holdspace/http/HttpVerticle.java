package org.holdspace.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import org.holdspace.core.Drain;

import java.io.IOException;
import java.net.BindException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One HTTP and WebSocket server instance on its event loop; several share the port. Stopped during a drain, it stops
 * accepting and lets the requests in flight finish until the drain's deadline; otherwise it closes at once.
 */
public final class HttpVerticle extends VerticleBase {
  private final Function<Vertx, Router> routes;
  private final HttpServerOptions options;
  private final Drain drain;
  private final long headerDeadlineMillis;
  private HttpServer server;

  /**
   * A server with the routes built for its own event loop, these options (host, port, TLS, limits) and the time a
   * client has to send a request's head.
   */
  public HttpVerticle(Function<Vertx, Router> routes, HttpServerOptions options, Drain drain,
                      long headerDeadlineMillis) {
    this.routes = routes;
    this.options = options;
    this.drain = drain;
    this.headerDeadlineMillis = headerDeadlineMillis;
  }

  @Override
  public Future<?> start() {
    HeaderDeadline deadline = new HeaderDeadline(vertx, headerDeadlineMillis);
    server = vertx.createHttpServer(new HttpServerOptions(options))
        .connectionHandler(deadline::opened)
        .requestHandler(deadline.around(routes.apply(vertx)));
    return server.listen().recover(HttpVerticle::asBindException);
  }

  /**
   * A taken port fails the same way on every transport: Java NIO reports a {@link BindException}, the native
   * transports their own I/O error with the system's words for it.
   */
  private static Future<HttpServer> asBindException(Throwable failure) {
    if (!(failure instanceof BindException) && failure instanceof IOException
        && String.valueOf(failure.getMessage()).contains("Address already in use")) {
      BindException taken = new BindException(failure.getMessage());
      taken.initCause(failure);
      return Future.failedFuture(taken);
    }
    return Future.failedFuture(failure);
  }

  @Override
  public Future<?> stop() {
    return server.shutdown(drain.remainingMillis(), TimeUnit.MILLISECONDS);
  }
}
