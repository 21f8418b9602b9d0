package org.holdspace;

import org.holdspace.config.Config;
import org.holdspace.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Arrays;

/** Starts Holdspace: {@code java -jar target/holdspace.jar [--demo]}. */
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
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "holdspace-shutdown"));
    LOG.info("Holdspace listening on port {}", server.port());
  }
}
