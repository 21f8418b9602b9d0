package org.holdspace.http;

import org.holdspace.core.Refusal;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;

import java.util.List;
import java.util.function.Consumer;

/**
 * The HTTP surface: security headers, JSON bodies, the public routes, the token check for {@code /api/**},
 * the feature routes, the web client from {@code webroot/}, and the one failure handler.
 */
public final class ApiRouter {
  private static final int BODY_LIMIT = 256 * 1024;
  /** The web client: {@code ./webroot} when present, else the copy packaged in the jar. */
  private static final String WEBROOT = "webroot";

  private ApiRouter() {
  }

  public static Router create(Vertx vertx, Handler<io.vertx.ext.web.RoutingContext> authHandler,
                              List<Consumer<Router>> publicRoutes, List<Consumer<Router>> protectedRoutes) {
    Router router = Router.router(vertx);
    router.route().handler(new SecurityHeaders());
    router.route().handler(Responses::queryMustDecode);
    router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
    publicRoutes.forEach(mount -> mount.accept(router));
    router.route("/api/*").handler(authHandler);
    protectedRoutes.forEach(mount -> mount.accept(router));
    router.route("/api/*").handler(ctx -> ctx.fail(Refusal.notFound()));
    router.route().handler(StaticHandler.create(WEBROOT).setCachingEnabled(false).setIndexPage("index.html"));
    router.route().failureHandler(Responses::failure);
    return router;
  }
}
