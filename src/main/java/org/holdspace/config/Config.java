package org.holdspace.config;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

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
    double tokenMinutes,
    Optional<String> adminPassword,
    int passwordHashIterations,
    List<String> allowedOrigins,
    LoginLimits loginLimits,
    ChatLimits chatLimits,
    boolean cluster,
    List<String> clusterMembers,
    ClusterNetwork clusterNetwork,
    Optional<String> metricsToken,
    boolean metricsPublic,
    List<String> riskPhrases,
    Optional<Tls> tls,
    Optional<String> jwtPreviousSecret,
    int shutdownGraceSeconds,
    String logFormat,
    int httpIdleTimeoutSeconds,
    int httpHeaderTimeoutSeconds,
    Safety safety,
    Optional<Smtp> smtp,
    double sessionMaxHours,
    List<String> requireTotpFor,
    Optional<Oidc> oidc,
    double reminderHours) {

  /** The values of {@code logFormat}: a readable line, or one JSON object a line for a log collector. */
  public static final List<String> LOG_FORMATS = List.of("text", "json");

  /** HTTPS and WSS on the one port: a PEM certificate (chain) and its PEM private key (PKCS#8 or PKCS#1). */
  public record Tls(Path certPath, Path keyPath) {
  }

  /** The event bus between nodes over TLS: this node's PEM certificate and key, and the CA every peer's must have. */
  public record ClusterTls(Path certPath, Path keyPath, Path caPath) {
  }

  /** Limits on failed logins, counted per username and per client address over a sliding window. */
  public record LoginLimits(int failuresPerUsername, int failuresPerAddress, int windowMinutes) {
  }

  /** Limits on what one socket or member may send. */
  public record ChatLimits(int maxMessageLength, int messagesPerWindow, int messageWindowSeconds,
                           int joinsPerSocket, int replayLimit, int maxSocketsPerAccount) {
  }

  /**
   * Where this node meets the others when {@code cluster} is on: the address it binds (Hazelcast and the event bus),
   * Hazelcast's first port (the next ones are tried when it is taken), the event bus port (0: any free one), the
   * cluster's name, and how members are found: {@code members} (TCP to {@code clusterMembers}), or Kubernetes
   * through the DNS of a headless service ({@code kubernetes-dns}) or its API ({@code kubernetes-api}); and the
   * event bus's TLS, when set.
   */
  public record ClusterNetwork(String host, int port, int busPort, String name, String discovery,
                               Optional<String> kubernetesService, Optional<ClusterTls> tls) {
    public static final List<String> DISCOVERIES = List.of("members", "kubernetes-dns", "kubernetes-api");
  }

  private static final Set<String> KEYS = Set.of(
      "httpHost", "httpPort", "dataDir", "databaseUrl", "databasePoolSize", "jwtSecret", "tokenMinutes",
      "adminPassword", "passwordHashIterations", "allowedOrigins", "loginFailuresPerUsername",
      "loginFailuresPerAddress", "loginWindowMinutes", "maxMessageLength", "messagesPerWindow",
      "messageWindowSeconds", "joinsPerSocket", "replayLimit", "maxSocketsPerAccount", "cluster", "clusterMembers",
      "riskPhrases",
      "clusterHost", "clusterPort", "clusterBusPort", "clusterName", "clusterDiscovery", "clusterKubernetesService",
      "clusterTlsCertPath", "clusterTlsKeyPath", "clusterTlsCaPath", "metricsToken", "metricsPublic", "tlsCertPath",
      "tlsKeyPath", "jwtPreviousSecret", "shutdownGraceSeconds", "logFormat", "httpIdleTimeoutSeconds",
      "httpHeaderTimeoutSeconds", "sessionMaxHours", "requireTotpFor", "oidcIssuer", "oidcClientId", "oidcClientSecret",
      "reminderHours", "oidcName");

  private static Set<String> allKeys() {
    Set<String> all = new java.util.HashSet<>(KEYS);
    all.addAll(SafetySettings.KEYS);
    return all;
  }

  /** The environment variable that overrides a key: clusterPort is HOLDSPACE_CLUSTER_PORT. */
  public static String envName(String key) {
    return Settings.envName(key);
  }

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
    Settings s = new Settings(json, env, allKeys());
    Config config = new Config(
        s.string("httpHost", "0.0.0.0"),
        s.integer("httpPort", 8080, 0, 65535),
        Path.of(s.string("dataDir", "./data")),
        s.optionalString("databaseUrl"),
        s.integer("databasePoolSize", 16, 1, 500),
        s.optionalString("jwtSecret"),
        s.decimal("tokenMinutes", 60, 0.05, 24 * 60),
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
            s.integer("replayLimit", 1000, 1, 100_000),
            s.integer("maxSocketsPerAccount", 10, 1, 1000)),
        s.bool("cluster", false),
        s.list("clusterMembers").isEmpty() ? List.of("127.0.0.1") : s.list("clusterMembers"),
        new ClusterNetwork(
            s.string("clusterHost", "127.0.0.1"),
            s.integer("clusterPort", 5701, 1, 65535),
            s.integer("clusterBusPort", 0, 0, 65535),
            s.string("clusterName", "holdspace"),
            s.string("clusterDiscovery", "members"),
            s.optionalString("clusterKubernetesService"),
            clusterTls(s)),
        s.optionalString("metricsToken"),
        s.bool("metricsPublic", false),
        s.list("riskPhrases"),
        tls(s),
        s.optionalString("jwtPreviousSecret"),
        s.integer("shutdownGraceSeconds", 10, 1, 300),
        s.string("logFormat", "text"),
        // WebSockets are pinged every 25 seconds, so a timeout above that never closes a live one.
        s.integer("httpIdleTimeoutSeconds", 60, 1, 3600),
        s.integer("httpHeaderTimeoutSeconds", 10, 1, 3600),
        SafetySettings.safety(s),
        SafetySettings.smtp(s),
        s.decimal("sessionMaxHours", 12, 0.01, 24 * 30),
        s.list("requireTotpFor"),
        SignInSettings.oidc(s),
        // how long before each session its people are e-mailed a reminder (fractions allowed; at most four weeks)
        s.decimal("reminderHours", 24, 0.01, 24 * 28));
    SignInSettings.checkRoles(config.requireTotpFor());
    config.jwtSecret().ifPresent(secret -> {
      if (secret.length() < 32) {
        throw new ConfigException("Configuration key 'jwtSecret' (HOLDSPACE_JWT_SECRET) must be at least 32 characters");
      }
    });
    checkOperations(config);
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
    checkCluster(config);
    return config;
  }

  private static void checkOperations(Config config) {
    config.jwtPreviousSecret().ifPresent(previous -> {
      if (previous.length() < 32) {
        throw new ConfigException("Configuration key 'jwtPreviousSecret' (HOLDSPACE_JWT_PREVIOUS_SECRET) must be at "
            + "least 32 characters");
      }
      if (config.jwtSecret().isEmpty()) {
        throw new ConfigException("Configuration key 'jwtPreviousSecret' (HOLDSPACE_JWT_PREVIOUS_SECRET) needs "
            + "'jwtSecret' (HOLDSPACE_JWT_SECRET): it is the secret that jwtSecret replaces");
      }
      if (config.jwtSecret().get().equals(previous)) {
        throw new ConfigException("Configuration key 'jwtPreviousSecret' (HOLDSPACE_JWT_PREVIOUS_SECRET) must differ "
            + "from 'jwtSecret' (HOLDSPACE_JWT_SECRET)");
      }
    });
    if (!LOG_FORMATS.contains(config.logFormat())) {
      throw new ConfigException("Configuration key 'logFormat' (HOLDSPACE_LOG_FORMAT) must be one of " + LOG_FORMATS
          + ", got '" + config.logFormat() + "'");
    }
  }

  private static final Pattern IPV4 = Pattern.compile(
      "((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)");

  private static void checkCluster(Config config) {
    if (config.cluster() && config.databaseUrl().isEmpty()) {
      throw new ConfigException("Configuration key 'cluster' (HOLDSPACE_CLUSTER) needs 'databaseUrl' (DATABASE_URL): "
          + "the nodes of a cluster share one database, and an embedded one is the node's own");
    }
    if (config.cluster() && config.jwtSecret().isEmpty()) {
      throw new ConfigException("Configuration key 'cluster' (HOLDSPACE_CLUSTER) needs 'jwtSecret' "
          + "(HOLDSPACE_JWT_SECRET): every node must accept the tokens the others issue");
    }
    ClusterNetwork net = config.clusterNetwork();
    if (!IPV4.matcher(net.host()).matches()) {
      throw new ConfigException("Configuration key 'clusterHost' (HOLDSPACE_CLUSTER_HOST) must be this node's IPv4 "
          + "address, got '" + net.host() + "'");
    }
    if (!net.name().matches("[A-Za-z0-9._-]{1,100}")) {
      throw new ConfigException("Configuration key 'clusterName' (HOLDSPACE_CLUSTER_NAME) must be 1 to 100 letters, "
          + "digits, dots, dashes or underscores");
    }
    if (!ClusterNetwork.DISCOVERIES.contains(net.discovery())) {
      throw new ConfigException("Configuration key 'clusterDiscovery' (HOLDSPACE_CLUSTER_DISCOVERY) must be one of "
          + ClusterNetwork.DISCOVERIES + ", got '" + net.discovery() + "'");
    }
    if (net.discovery().startsWith("kubernetes") && net.kubernetesService().isEmpty()) {
      throw new ConfigException("Configuration key 'clusterKubernetesService' (HOLDSPACE_CLUSTER_KUBERNETES_SERVICE) "
          + "is needed when clusterDiscovery is " + net.discovery());
    }
    for (String member : config.clusterMembers()) {
      if (!member.matches("[A-Za-z0-9.-]+(:\\d{1,5})?")) {
        throw new ConfigException("Configuration key 'clusterMembers' (HOLDSPACE_CLUSTER_MEMBERS) must list host or "
            + "host:port entries, got '" + member + "'");
      }
    }
    config.metricsToken().ifPresent(token -> {
      if (token.length() < 16) {
        throw new ConfigException("Configuration key 'metricsToken' (HOLDSPACE_METRICS_TOKEN) must be at least 16 "
            + "characters");
      }
    });
  }

  private static Optional<ClusterTls> clusterTls(Settings s) {
    List<String> keys = List.of("clusterTlsCertPath", "clusterTlsKeyPath", "clusterTlsCaPath");
    List<Optional<Path>> files = keys.stream().map(s::readableFile).toList();
    long set = files.stream().filter(Optional::isPresent).count();
    if (set == 0) {
      return Optional.empty();
    }
    if (set < keys.size()) {
      throw new ConfigException("Configuration keys " + keys.stream().map(k -> "'" + k + "' (" + Settings.envName(k)
          + ")").toList() + " must be set together");
    }
    return Optional.of(new ClusterTls(files.get(0).get(), files.get(1).get(), files.get(2).get()));
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
        clusterNetwork, metricsToken, metricsPublic, riskPhrases, tls, jwtPreviousSecret, shutdownGraceSeconds,
        logFormat, httpIdleTimeoutSeconds, httpHeaderTimeoutSeconds, safety, smtp, sessionMaxHours, requireTotpFor,
        oidc, reminderHours);
  }
}
