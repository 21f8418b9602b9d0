package org.holdspace;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.micrometer.backends.BackendRegistries;
import io.vertx.pgclient.PgBuilder;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.holdspace.auth.JwtSecret;
import org.holdspace.cluster.ClusterStatus;
import org.holdspace.cluster.HazelcastSettings;
import org.holdspace.config.Config;
import org.holdspace.core.Jobs;
import org.holdspace.db.DatabaseUrl;
import org.holdspace.db.EmbeddedDatabase;
import org.holdspace.db.Migrations;
import org.holdspace.http.HttpVerticle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A running Holdspace: its database (embedded unless {@code DATABASE_URL} is set), migrated schema, Vert.x (clustered
 * over Hazelcast when {@code cluster} is on), services and HTTP/WebSocket servers on every core. The one wiring
 * point, used by {@link Main} and the tests.
 */
public final class Server implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Server.class);

  private final Vertx vertx;
  private final EmbeddedDatabase embedded;
  private final Services services;
  private final DatabaseUrl databaseUrl;
  private final int port;
  private final ClusterStatus cluster;
  private final String metricsName;
  private final Jobs jobs;

  private Server(Vertx vertx, EmbeddedDatabase embedded, Services services, DatabaseUrl databaseUrl, int port,
                 ClusterStatus cluster, String metricsName, Jobs jobs) {
    this.vertx = vertx;
    this.embedded = embedded;
    this.services = services;
    this.databaseUrl = databaseUrl;
    this.port = port;
    this.cluster = cluster;
    this.metricsName = metricsName;
    this.jobs = jobs;
  }

  /** Starts everything and returns once the server accepts connections. Blocking. */
  public static Server start(Config config) {
    EmbeddedDatabase embedded = null;
    DatabaseUrl url;
    DatabaseUrl owner;
    if (config.databaseUrl().isPresent()) {
      url = DatabaseUrl.parse(config.databaseUrl().get());
      owner = url;
    } else {
      embedded = EmbeddedDatabase.start(config.dataDir().resolve("postgres"));
      owner = embedded.url();
      url = embedded.appUrl();
    }
    String metricsName = "holdspace-" + UUID.randomUUID();
    Vertx vertx = null;
    try {
      // Migrations run as the owner; the server itself connects as a role that changes no schema (embedded).
      Migrations.migrate(owner);
      if (embedded != null) {
        embedded.grantApp(owner.database());
      }
      String secret = JwtSecret.resolve(config);
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      HazelcastClusterManager manager = config.cluster()
          ? new HazelcastClusterManager(HazelcastSettings.from(config)) : null;
      vertx = vertx(config, registry, metricsName, manager);
      ClusterStatus cluster = manager == null ? ClusterStatus.single() : ClusterStatus.of(manager);
      if (manager != null) {
        LOG.info("Joined cluster '{}' on {} as node {}; {} node(s) in it", config.clusterNetwork().name(),
            config.clusterNetwork().host(), cluster.nodeId(), cluster.members());
      }
      Pool pool = PgBuilder.pool()
          .with(new PoolOptions().setMaxSize(config.databasePoolSize()))
          .connectingTo(url.connectOptions())
          .using(vertx)
          .build();
      Services services = new Services(vertx, pool, config, secret, cluster, registry);
      services.ensureAdmin().await();
      Jobs jobs = Jobs.start(vertx, services.jobs()).await();
      int port = config.httpPort() == 0 ? freePort(config.httpHost()) : config.httpPort();
      HttpServerOptions options = httpOptions(config, port);
      vertx.deployVerticle(() -> new HttpVerticle(services::router, options, services.drain(),
              config.httpHeaderTimeoutSeconds() * 1000L),
          new DeploymentOptions().setInstances(Runtime.getRuntime().availableProcessors())).await();
      return new Server(vertx, embedded, services, url, port, cluster, metricsName, jobs);
    } catch (Exception e) {
      // await() rethrows checked failures too (a taken port is a BindException), so catch them all: a failed
      // start must not leave Vert.x, its pool connections, its meters or the embedded PostgreSQL running.
      try {
        if (vertx != null) {
          vertx.close().await();
        }
        BackendRegistries.stop(metricsName);
      } finally {
        if (embedded != null) {
          embedded.close();
        }
      }
      throw e;
    }
  }

  /**
   * Vert.x with its meters in this node's own registry (several nodes may share a JVM in tests), joined to the
   * cluster when there is a cluster manager. Labels are those that name no group, account or address.
   */
  private static Vertx vertx(Config config, PrometheusMeterRegistry registry, String metricsName,
                             HazelcastClusterManager manager) {
    // epoll where the platform has it (Linux): cheaper socket writes than Java NIO, which serves elsewhere
    VertxOptions options = new VertxOptions().setPreferNativeTransport(true)
        .setMetricsOptions(new MicrometerMetricsOptions()
        .setEnabled(true)
        .setRegistryName(metricsName)
        .setJvmMetricsEnabled(true)
        .setLabels(EnumSet.of(Label.HTTP_METHOD, Label.HTTP_CODE, Label.POOL_TYPE, Label.POOL_NAME, Label.EB_SIDE))
        // the database and event-bus TCP clients would share one unnamed meter; the pool meters cover the database
        .addDisabledMetricsCategory(MetricsDomain.NET_CLIENT)
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true)));
    VertxBuilder builder = Vertx.builder().with(options).withMetrics(new MicrometerMetricsFactory(registry));
    if (manager == null) {
      return builder.build();
    }
    EventBusOptions bus = options.getEventBusOptions()
        .setHost(config.clusterNetwork().host())
        .setPort(config.clusterNetwork().busPort());
    // Mutual TLS: a node talks only to peers whose certificate the cluster's CA signed, both ways. Peers are
    // addressed by IP, so their names are not checked: the CA is the cluster's own.
    config.clusterNetwork().tls().ifPresent(tls -> bus
        .setSsl(true)
        .setKeyCertOptions(new PemKeyCertOptions().setCertPath(tls.certPath().toString())
            .setKeyPath(tls.keyPath().toString()))
        .setTrustOptions(new PemTrustOptions().addCertPath(tls.caPath().toString()))
        .setClientAuth(ClientAuth.REQUIRED));
    return builder.withClusterManager(manager).buildClustered().await();
  }

  /** The servers' options: where they listen, the frame limits of the contract, compression and TLS. */
  private static HttpServerOptions httpOptions(Config config, int port) {
    HttpServerOptions options = new HttpServerOptions()
        .setHost(config.httpHost())
        .setPort(port)
        .setMaxWebSocketFrameSize(256 * 1024)
        .setMaxWebSocketMessageSize(256 * 1024)
        // No WebSocket compression: a 29 KB deflated frame inflates to 30 MB before any limit applies, on the event
        // loop. Uncompressed, a frame over the limit is refused from its header (close 1009).
        .setPerMessageWebSocketCompressionSupported(false)
        .setPerFrameWebSocketCompressionSupported(false)
        .setCompressionSupported(true)
        // No h2c: with it, a connection is handed to the server only once its first request head has arrived, too
        // late for the header deadline (http/HeaderDeadline); browsers never speak HTTP/2 without TLS anyway.
        .setHttp2ClearTextEnabled(false)
        // Every response is written on its connection's event loop, so the connection writes straight to the channel
        // instead of through a queue of 1,024 slots (4 KB) that each upgraded WebSocket's HTTP connection would keep.
        .setStrictThreadMode(true)
        .setIdleTimeout(config.httpIdleTimeoutSeconds())
        .setIdleTimeoutUnit(java.util.concurrent.TimeUnit.SECONDS);
    config.tls().ifPresent(tls -> options.setSsl(true).setKeyCertOptions(
        new PemKeyCertOptions().setCertPath(tls.certPath().toString()).setKeyPath(tls.keyPath().toString())));
    return options;
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

  /** Whether this node is clustered, in the cluster, and with how many nodes. */
  public ClusterStatus cluster() {
    return cluster;
  }

  /**
   * Stops gracefully within {@code grace}: {@code /health} answers 503 and new sockets are refused at once, every open
   * socket gets its commands in flight answered (so every acknowledged message is stored), then a {@code goodbye}
   * and a close with 1012; then the HTTP servers stop accepting and finish their requests, and the rest closes as
   * {@link #close} does. A part of the grace is kept for closing the pool, the cluster and the embedded database.
   * Blocking.
   */
  public void shutdown(Duration grace) {
    long started = System.currentTimeMillis();
    long reserve = Math.min(2000, grace.toMillis() / 4);
    long deadline = started + grace.toMillis() - reserve;
    try {
      services.drainSockets(deadline).timeout(Math.max(1, deadline - System.currentTimeMillis()),
          TimeUnit.MILLISECONDS).await();
      LOG.info("Shutdown: every socket said goodbye to in {} ms", System.currentTimeMillis() - started);
    } catch (Exception e) {
      LOG.warn("Shutdown: sockets still open after {} ms are closed now", System.currentTimeMillis() - started);
    }
    close();
    LOG.info("Holdspace stopped in {} ms", System.currentTimeMillis() - started);
  }

  /** Stops the embedded database, if any, now: the last step of a shutdown that ran out of time. */
  void stopDatabase() {
    if (embedded != null) {
      embedded.close();
    }
  }

  /** Stops at once: open sockets are cut (they reconnect and resume), requests in flight are not waited for. */
  @Override
  public void close() {
    try {
      jobs.stop();
      vertx.close().await();
    } finally {
      BackendRegistries.stop(metricsName);
      if (embedded != null) {
        embedded.close();
      }
    }
  }
}
