package org.holdspace;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.holdspace.auth.AdminBootstrap;
import org.holdspace.auth.JwtSecret;
import org.holdspace.chat.PresenceSweeper;
import org.holdspace.config.Config;
import org.holdspace.db.DatabaseUrl;
import org.holdspace.db.EmbeddedDatabase;
import org.holdspace.db.Migrations;
import org.holdspace.http.HttpVerticle;
import org.holdspace.moderation.DeadlineSweeper;

/**
 * A running Holdspace: its database (embedded unless {@code DATABASE_URL} is set), migrated schema, Vert.x,
 * services and HTTP/WebSocket servers on every core. The one wiring point, used by {@link Main} and the tests.
 */
public final class Server implements AutoCloseable {
  private final Vertx vertx;
  private final EmbeddedDatabase embedded;
  private final Services services;
  private final DatabaseUrl databaseUrl;
  private final int port;

  private Server(Vertx vertx, EmbeddedDatabase embedded, Services services, DatabaseUrl databaseUrl, int port) {
    this.vertx = vertx;
    this.embedded = embedded;
    this.services = services;
    this.databaseUrl = databaseUrl;
    this.port = port;
  }

  /** Starts everything and returns once the server accepts connections. Blocking. */
  public static Server start(Config config) {
    EmbeddedDatabase embedded = null;
    DatabaseUrl url;
    if (config.databaseUrl().isPresent()) {
      url = DatabaseUrl.parse(config.databaseUrl().get());
    } else {
      embedded = EmbeddedDatabase.start(config.dataDir().resolve("postgres"));
      url = embedded.url();
    }
    try {
      Migrations.migrate(url);
      String secret = JwtSecret.resolve(config);
      Vertx vertx = Vertx.vertx();
      Pool pool = PgBuilder.pool()
          .with(new PoolOptions().setMaxSize(config.databasePoolSize()))
          .connectingTo(url.connectOptions())
          .using(vertx)
          .build();
      Services services = new Services(vertx, pool, config, secret);
      AdminBootstrap.ensureAdmin(services.users(), services.accounts(), config).await();
      new PresenceSweeper(vertx, pool, services.presence()).start().await();
      new DeadlineSweeper(vertx, pool, services.moderation()).start();
      new org.holdspace.retention.RetentionJob(vertx, pool, services.audit()).start();
      int port = config.httpPort() == 0 ? freePort(config.httpHost()) : config.httpPort();
      vertx.deployVerticle(() -> new HttpVerticle(services, config.httpHost(), port),
          new DeploymentOptions().setInstances(Runtime.getRuntime().availableProcessors())).await();
      return new Server(vertx, embedded, services, url, port);
    } catch (RuntimeException e) {
      if (embedded != null) {
        embedded.close();
      }
      throw e;
    }
  }

  /** A port that is free now, so that every event loop's server can share it. */
  private static int freePort(String host) {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(host))) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("No free port on " + host, e);
    }
  }

  public int port() {
    return port;
  }

  public Vertx vertx() {
    return vertx;
  }

  public Services services() {
    return services;
  }

  public DatabaseUrl databaseUrl() {
    return databaseUrl;
  }

  @Override
  public void close() {
    try {
      vertx.close().await();
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }
}
