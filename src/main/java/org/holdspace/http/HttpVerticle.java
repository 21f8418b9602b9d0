package org.holdspace.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import org.holdspace.Services;

import java.util.List;

/** One HTTP and WebSocket server instance on its event loop; several share the port. */
public final class HttpVerticle extends VerticleBase {
  private final Services services;
  private final String host;
  private final int port;

  public HttpVerticle(Services services, String host, int port) {
    this.services = services;
    this.host = host;
    this.port = port;
  }

  /** The whole HTTP surface of one event loop; the authorization test lists its routes from here. */
  public static Router router(io.vertx.core.Vertx vertx, Services services) {
    var chat = services.chatGateway(vertx);
    return ApiRouter.create(vertx, services.authHandler(),
        List.of(services.accountRoutes()::mountPublic, services.health()::mount, services.metricsRoute()::mount,
            chat::mount),
        List.of(services.accountRoutes()::mount, services.groupRoutes()::mount, services.sessionRoutes()::mount,
            services.historyRoutes()::mount, services.alertRoutes()::mount, services.auditRoutes()::mount,
            services.attendanceRoutes()::mount, services.clinical()::mount));
  }

  @Override
  public Future<?> start() {
    Router router = router(vertx, services);
    HttpServerOptions options = new HttpServerOptions()
        .setHost(host)
        .setPort(port)
        .setMaxWebSocketFrameSize(256 * 1024)
        .setMaxWebSocketMessageSize(256 * 1024)
        .setCompressionSupported(true);
    services.config().tls().ifPresent(tls -> options.setSsl(true).setKeyCertOptions(
        new io.vertx.core.net.PemKeyCertOptions().setCertPath(tls.certPath().toString())
            .setKeyPath(tls.keyPath().toString())));
    return vertx.createHttpServer(options).requestHandler(router).listen();
  }
}
