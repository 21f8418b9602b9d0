package org.holdspace;

import org.holdspace.config.Config;
import org.holdspace.config.ConfigException;
import org.holdspace.logs.LogFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * Starts Holdspace: {@code java -jar target/holdspace.jar [--demo]}. On SIGTERM (or Ctrl-C) it drains and exits
 * within {@code shutdownGraceSeconds}.
 */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {
  }

  public static void main(String[] args) {
    Config config;
    try {
      String file = System.getenv().getOrDefault("HOLDSPACE_CONFIG", "config/holdspace.json");
      config = Config.load(Path.of(file), System.getenv());
    } catch (ConfigException e) {
      System.err.println("Holdspace cannot start: " + e.getMessage());
      System.exit(2);
      return;
    }
    LogFormat.apply(config.logFormat());
    Server server;
    try {
      server = Server.start(config);
      if (Arrays.asList(args).contains("--demo")) {
        server.services().seedDemo().await().forEach(System.out::println);
      }
    } catch (Exception e) {
      LOG.error("Holdspace could not start: {}", e.toString());
      System.exit(1);
      return;
    }
    Duration grace = Duration.ofSeconds(config.shutdownGraceSeconds());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(server, grace), "holdspace-shutdown"));
    LOG.info("Holdspace listening on port {} ({} sockets)", server.port(),
        server.vertx().isNativeTransportEnabled() ? "native" : "Java NIO");
  }

  /**
   * The JVM exits when this returns: the drain gets the grace and not a moment more, whatever it waits for (a
   * cluster that does not answer, a stuck client), and the embedded database is stopped in any case.
   */
  private static void shutdown(Server server, Duration grace) {
    LOG.info("Shutting down within {} s", grace.toSeconds());
    Thread drain = new Thread(() -> server.shutdown(grace), "holdspace-drain");
    drain.setDaemon(true);
    drain.start();
    try {
      drain.join(grace.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (drain.isAlive()) {
      LOG.warn("Shutdown did not finish within {} s; exiting anyway", grace.toSeconds());
      server.stopDatabase();
    }
  }
}
