package org.holdspace.config;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The server's settings, read from {@code config/holdspace.json} with every key overridable by an environment
 * variable (see {@link Settings#envName}). Loading fails fast with a message naming the bad key.
 */
public record Config(
    String httpHost,
    int httpPort,
    Path dataDir,
    Optional<String> databaseUrl,
    int databasePoolSize,
    Optional<String> jwtSecret,
    int tokenMinutes,
    Optional<String> adminPassword,
    int passwordHashIterations,
    List<String> allowedOrigins,
    LoginLimits loginLimits,
    ChatLimits chatLimits,
    boolean cluster,
    List<String> clusterMembers,
    List<String> riskPhrases,
    Optional<Tls> tls) {

  /** HTTPS and WSS on the one port: a PEM certificate (chain) and its PEM private key (PKCS#8 or PKCS#1). */
  public record Tls(Path certPath, Path keyPath) {
  }

  /** Limits on failed logins, counted per username and per client address over a sliding window. */
  public record LoginLimits(int failuresPerUsername, int failuresPerAddress, int windowMinutes) {
  }

  /** Limits on what one socket or member may send. */
  public record ChatLimits(int maxMessageLength, int messagesPerWindow, int messageWindowSeconds,
                           int joinsPerSocket, int replayLimit) {
  }

  private static final Set<String> KEYS = Set.of(
      "httpHost", "httpPort", "dataDir", "databaseUrl", "databasePoolSize", "jwtSecret", "tokenMinutes",
      "adminPassword", "passwordHashIterations", "allowedOrigins", "loginFailuresPerUsername",
      "loginFailuresPerAddress", "loginWindowMinutes", "maxMessageLength", "messagesPerWindow",
      "messageWindowSeconds", "joinsPerSocket", "replayLimit", "cluster", "clusterMembers", "riskPhrases",
      "tlsCertPath", "tlsKeyPath");

  /** Phrases that raise a risk alert when no list is configured: English, Spanish, French, German. */
  public static final List<String> DEFAULT_RISK_PHRASES = List.of(
      "suicide", "suicidal", "kill myself", "end my life", "want to die", "better off dead", "no reason to live",
      "hurt myself", "harm myself", "self harm", "cut myself",
      "suicidio", "suicidarme", "matarme", "quitarme la vida", "quiero morir", "hacerme dano",
      "me suicider", "me tuer", "en finir", "envie de mourir", "me faire du mal",
      "selbstmord", "mich umbringen", "will sterben", "mir etwas antun");

  /** Reads the given file (absent is fine: defaults apply) with the process environment on top. */
  public static Config load(Path file, Map<String, String> env) {
    JsonObject json = new JsonObject();
    if (Files.exists(file)) {
      try {
        json = new JsonObject(Files.readString(file));
      } catch (IOException | RuntimeException e) {
        throw new ConfigException("Configuration file " + file + " is not a readable JSON object: " + e.getMessage());
      }
    }
    return from(json, env);
  }

  /** Builds the settings from a JSON object of keys with environment variables on top. */
  public static Config from(JsonObject json, Map<String, String> env) {
    Settings s = new Settings(json, env, KEYS);
    Config config = new Config(
        s.string("httpHost", "0.0.0.0"),
        s.integer("httpPort", 8080, 0, 65535),
        Path.of(s.string("dataDir", "./data")),
        s.optionalString("databaseUrl"),
        s.integer("databasePoolSize", 16, 1, 500),
        s.optionalString("jwtSecret"),
        s.integer("tokenMinutes", 60, 1, 24 * 60),
        s.optionalString("adminPassword"),
        s.integer("passwordHashIterations", 210_000, 1_000, 10_000_000),
        s.list("allowedOrigins"),
        new LoginLimits(
            s.integer("loginFailuresPerUsername", 5, 1, 1000),
            s.integer("loginFailuresPerAddress", 30, 1, 100_000),
            s.integer("loginWindowMinutes", 15, 1, 24 * 60)),
        new ChatLimits(
            s.integer("maxMessageLength", 4000, 4000, 100_000),
            s.integer("messagesPerWindow", 20, 20, 10_000),
            s.integer("messageWindowSeconds", 10, 1, 3600),
            s.integer("joinsPerSocket", 50, 1, 10_000),
            s.integer("replayLimit", 1000, 1, 100_000)),
        s.bool("cluster", false),
        s.list("clusterMembers").isEmpty() ? List.of("127.0.0.1") : s.list("clusterMembers"),
        s.list("riskPhrases").isEmpty() ? DEFAULT_RISK_PHRASES : s.list("riskPhrases"),
        tls(s));
    config.jwtSecret().ifPresent(secret -> {
      if (secret.length() < 32) {
        throw new ConfigException("Configuration key 'jwtSecret' (HOLDSPACE_JWT_SECRET) must be at least 32 characters");
      }
    });
    config.adminPassword().ifPresent(password -> {
      if (password.length() < 10) {
        throw new ConfigException(
            "Configuration key 'adminPassword' (HOLDSPACE_ADMIN_PASSWORD) must be at least 10 characters");
      }
    });
    config.databaseUrl().ifPresent(url -> {
      try {
        org.holdspace.db.DatabaseUrl.parse(url);
      } catch (IllegalArgumentException e) {
        throw new ConfigException("Configuration key 'databaseUrl' (DATABASE_URL) " + e.getMessage());
      }
    });
    return config;
  }

  private static Optional<Tls> tls(Settings s) {
    Optional<String> cert = s.optionalString("tlsCertPath");
    Optional<String> key = s.optionalString("tlsKeyPath");
    if (cert.isEmpty() && key.isEmpty()) {
      return Optional.empty();
    }
    if (cert.isEmpty() || key.isEmpty()) {
      throw new ConfigException("Configuration keys 'tlsCertPath' (" + Settings.envName("tlsCertPath") + ") and "
          + "'tlsKeyPath' (" + Settings.envName("tlsKeyPath") + ") must be set together");
    }
    for (String name : List.of("tlsCertPath", "tlsKeyPath")) {
      String path = name.equals("tlsCertPath") ? cert.get() : key.get();
      if (!Files.isReadable(Path.of(path))) {
        throw new ConfigException("Configuration key '" + name + "' (" + Settings.envName(name)
            + ") names no readable file: " + path);
      }
    }
    return Optional.of(new Tls(Path.of(cert.get()), Path.of(key.get())));
  }

  /** The same settings on another HTTP port (tests and the demo use port 0). */
  public Config withHttpPort(int port) {
    return new Config(httpHost, port, dataDir, databaseUrl, databasePoolSize, jwtSecret, tokenMinutes,
        adminPassword, passwordHashIterations, allowedOrigins, loginLimits, chatLimits, cluster, clusterMembers,
        riskPhrases, tls);
  }
}
