package org.holdspace.config;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Configuration")
class ConfigTest {

  private static Config fromEnv(Map<String, String> env) {
    return Config.from(new JsonObject(), env);
  }

  @Test
  @DisplayName("without a file or environment the documented defaults apply")
  void defaults() {
    Config c = fromEnv(Map.of());
    assertEquals(8080, c.httpPort());
    assertEquals("0.0.0.0", c.httpHost());
    assertEquals(Path.of("./data"), c.dataDir());
    assertEquals(Optional.empty(), c.databaseUrl());
    assertEquals(Optional.empty(), c.jwtSecret());
    assertEquals(Optional.empty(), c.adminPassword());
    assertFalse(c.cluster());
    assertEquals(List.of("127.0.0.1"), c.clusterMembers());
    assertEquals(4000, c.chatLimits().maxMessageLength());
    assertEquals(20, c.chatLimits().messagesPerWindow());
    assertEquals(10, c.chatLimits().messageWindowSeconds());
  }

  @Test
  @DisplayName("the shipped config/holdspace.json loads and matches the defaults")
  void shippedFileLoads() {
    Config shipped = Config.load(Path.of("config/holdspace.json"), Map.of());
    assertEquals(fromEnv(Map.of()), shipped);
  }

  @Test
  @DisplayName("every key of the file can be overridden by its environment variable")
  void everyKeyHasAnEnvironmentOverride() {
    Map<String, String> env = Map.ofEntries(
        Map.entry("HOLDSPACE_HTTP_HOST", "127.0.0.1"),
        Map.entry("HOLDSPACE_HTTP_PORT", "9091"),
        Map.entry("HOLDSPACE_DATA_DIR", "/srv/holdspace"),
        Map.entry("DATABASE_URL", "postgres://app:secret@db.example:6543/holdspace"),
        Map.entry("HOLDSPACE_DATABASE_POOL_SIZE", "7"),
        Map.entry("HOLDSPACE_JWT_SECRET", "0123456789abcdef0123456789abcdef-env"),
        Map.entry("HOLDSPACE_TOKEN_MINUTES", "30"),
        Map.entry("HOLDSPACE_ADMIN_PASSWORD", "an-admin-password"),
        Map.entry("HOLDSPACE_PASSWORD_HASH_ITERATIONS", "5000"),
        Map.entry("HOLDSPACE_ALLOWED_ORIGINS", "https://a.example, https://b.example"),
        Map.entry("HOLDSPACE_LOGIN_FAILURES_PER_USERNAME", "4"),
        Map.entry("HOLDSPACE_LOGIN_FAILURES_PER_ADDRESS", "40"),
        Map.entry("HOLDSPACE_LOGIN_WINDOW_MINUTES", "20"),
        Map.entry("HOLDSPACE_MAX_MESSAGE_LENGTH", "5000"),
        Map.entry("HOLDSPACE_MESSAGES_PER_WINDOW", "25"),
        Map.entry("HOLDSPACE_MESSAGE_WINDOW_SECONDS", "12"),
        Map.entry("HOLDSPACE_JOINS_PER_SOCKET", "60"),
        Map.entry("HOLDSPACE_REPLAY_LIMIT", "500"),
        Map.entry("HOLDSPACE_CLUSTER", "true"),
        Map.entry("HOLDSPACE_CLUSTER_MEMBERS", "10.0.0.1:5701,10.0.0.2"));
    // The file says something else for every key, so each value below can only come from the environment.
    JsonObject file = new JsonObject()
        .put("httpHost", "0.0.0.0").put("httpPort", 8080).put("dataDir", "./data").put("databaseUrl", null)
        .put("databasePoolSize", 16).put("jwtSecret", "a-file-secret-that-is-long-enough-for-hs256")
        .put("tokenMinutes", 60).put("adminPassword", "file-admin-password").put("passwordHashIterations", 210000)
        .put("allowedOrigins", List.of("https://file.example")).put("loginFailuresPerUsername", 5)
        .put("loginFailuresPerAddress", 30).put("loginWindowMinutes", 15).put("maxMessageLength", 4000)
        .put("messagesPerWindow", 20).put("messageWindowSeconds", 10).put("joinsPerSocket", 50)
        .put("replayLimit", 1000).put("cluster", false).put("clusterMembers", "127.0.0.1");
    Config c = Config.from(file, env);
    assertEquals("127.0.0.1", c.httpHost());
    assertEquals(9091, c.httpPort());
    assertEquals(Path.of("/srv/holdspace"), c.dataDir());
    assertEquals(Optional.of("postgres://app:secret@db.example:6543/holdspace"), c.databaseUrl());
    assertEquals(7, c.databasePoolSize());
    assertEquals(Optional.of("0123456789abcdef0123456789abcdef-env"), c.jwtSecret());
    assertEquals(30, c.tokenMinutes());
    assertEquals(Optional.of("an-admin-password"), c.adminPassword());
    assertEquals(5000, c.passwordHashIterations());
    assertEquals(List.of("https://a.example", "https://b.example"), c.allowedOrigins());
    assertEquals(new Config.LoginLimits(4, 40, 20), c.loginLimits());
    assertEquals(new Config.ChatLimits(5000, 25, 12, 60, 500, 10), c.chatLimits());
    assertTrue(c.cluster());
    assertEquals(List.of("10.0.0.1:5701", "10.0.0.2"), c.clusterMembers());
  }

  @Test
  @DisplayName("the safety keys: escalation time with fractions, crisis resources as JSON, SMTP only with a sender")
  void safetyKeys() {
    Config none = fromEnv(Map.of());
    assertEquals(5.0, none.safety().escalationMinutes());
    assertTrue(none.safety().crisisResources().get(0).text().orElseThrow().contains("emergency number"));
    assertTrue(none.smtp().isEmpty());
    Config set = fromEnv(Map.of("HOLDSPACE_ALERT_ESCALATION_MINUTES", "0.5",
        "HOLDSPACE_CRISIS_RESOURCES", "[{\"name\":\"Samaritans\",\"phone\":\"116 123\"}]",
        "HOLDSPACE_SMTP_HOST", "mail.example", "HOLDSPACE_SMTP_FROM", "holdspace@clinic.example",
        "HOLDSPACE_SMTP_PASSWORD", "smtp-secret-value", "HOLDSPACE_SMTP_USERNAME", "holdspace",
        "HOLDSPACE_ONCALL_EMAIL", "oncall@clinic.example", "HOLDSPACE_PUBLIC_URL", "https://holdspace.example/"));
    assertEquals(0.5, set.safety().escalationMinutes());
    assertEquals("Samaritans", set.safety().crisisResources().get(0).name());
    assertEquals(Optional.of("116 123"), set.safety().crisisResources().get(0).phone());
    assertEquals("https://holdspace.example", set.safety().publicUrl());
    assertEquals(25, set.smtp().orElseThrow().port());
    assertFalse(set.smtp().orElseThrow().toString().contains("smtp-secret-value"), "the password is not printed");
  }

  @Test
  @DisplayName("a key in the file applies when its environment variable is unset or blank")
  void fileAppliesWithoutEnvironment() {
    JsonObject file = new JsonObject().put("httpPort", 9000).put("allowedOrigins", List.of("https://x.example"));
    Config c = Config.from(file, Map.of("HOLDSPACE_HTTP_PORT", "  "));
    assertEquals(9000, c.httpPort());
    assertEquals(List.of("https://x.example"), c.allowedOrigins());
  }

  @ParameterizedTest(name = "{0}={1}")
  @DisplayName("a bad environment value stops the start with a message naming the key and its variable")
  @CsvSource(delimiter = '|', value = {
      "HOLDSPACE_HTTP_PORT|eighty|httpPort",
      "HOLDSPACE_HTTP_PORT|70000|httpPort",
      "HOLDSPACE_HTTP_PORT|-1|httpPort",
      "HOLDSPACE_HTTP_PORT|80.5|httpPort",
      "HOLDSPACE_DATABASE_POOL_SIZE|0|databasePoolSize",
      "HOLDSPACE_TOKEN_MINUTES|99999999999|tokenMinutes",
      "HOLDSPACE_PASSWORD_HASH_ITERATIONS|10|passwordHashIterations",
      "HOLDSPACE_LOGIN_FAILURES_PER_USERNAME|none|loginFailuresPerUsername",
      "HOLDSPACE_LOGIN_FAILURES_PER_ADDRESS|0|loginFailuresPerAddress",
      "HOLDSPACE_LOGIN_WINDOW_MINUTES|0|loginWindowMinutes",
      "HOLDSPACE_MAX_MESSAGE_LENGTH|100|maxMessageLength",
      "HOLDSPACE_MESSAGES_PER_WINDOW|5|messagesPerWindow",
      "HOLDSPACE_MESSAGE_WINDOW_SECONDS|0|messageWindowSeconds",
      "HOLDSPACE_JOINS_PER_SOCKET|x|joinsPerSocket",
      "HOLDSPACE_REPLAY_LIMIT|0|replayLimit",
      "HOLDSPACE_CLUSTER|yes|cluster",
      "HOLDSPACE_JWT_SECRET|too-short|jwtSecret",
      "HOLDSPACE_ADMIN_PASSWORD|short|adminPassword",
      "DATABASE_URL|mysql://root@localhost/holdspace|databaseUrl",
      "DATABASE_URL|postgres://localhost|databaseUrl",
      "HOLDSPACE_ALERT_ESCALATION_MINUTES|0|alertEscalationMinutes",
      "HOLDSPACE_ALERT_ESCALATION_MINUTES|soon|alertEscalationMinutes",
      "HOLDSPACE_ONCALL_EMAIL|nobody|oncallEmail",
      "HOLDSPACE_SMTP_HOST|mail.example|smtpFrom",
      "HOLDSPACE_CRISIS_RESOURCES|[{\"phone\":\"112\"}]|crisisResources",
      "HOLDSPACE_CRISIS_RESOURCES|not json|crisisResources",
      "HOLDSPACE_PUBLIC_URL|holdspace.example|publicUrl",
      "DATABASE_URL|postgres://localhost/x?sslmode=allow|databaseUrl",
      "HOLDSPACE_METRICS_PUBLIC|yes|metricsPublic",
      "HOLDSPACE_CLUSTER_TLS_CERT_PATH|/no/such/cert.pem|clusterTlsCertPath",
      "HOLDSPACE_CLUSTER_TLS_CA_PATH|/no/such/ca.pem|clusterTlsCaPath",
  })
  void badEnvironmentValue(String variable, String value, String key) {
    ConfigException e = assertThrows(ConfigException.class, () -> fromEnv(Map.of(variable, value)));
    assertTrue(e.getMessage().contains("'" + key + "'"), e.getMessage());
    assertTrue(e.getMessage().contains(variable), e.getMessage());
  }

  @Test
  @DisplayName("the message about a bad secret or password never repeats the value")
  void secretsAreNotEchoed() {
    ConfigException secret = assertThrows(ConfigException.class,
        () -> fromEnv(Map.of("HOLDSPACE_JWT_SECRET", "short-secret-x")));
    assertFalse(secret.getMessage().contains("short-secret-x"), secret.getMessage());
    ConfigException url = assertThrows(ConfigException.class,
        () -> fromEnv(Map.of("DATABASE_URL", "mysql://root:hunter2-pw@localhost/x")));
    assertFalse(url.getMessage().contains("hunter2-pw"), url.getMessage());
  }

  @Test
  @DisplayName("a bad value in the file is refused with the key named, as is a key the server does not know")
  void badFileValues() {
    ConfigException type = assertThrows(ConfigException.class,
        () -> Config.from(new JsonObject().put("httpHost", 5), Map.of()));
    assertTrue(type.getMessage().contains("'httpHost'"), type.getMessage());
    ConfigException list = assertThrows(ConfigException.class,
        () -> Config.from(new JsonObject().put("allowedOrigins", List.of(1, 2)), Map.of()));
    assertTrue(list.getMessage().contains("'allowedOrigins'"), list.getMessage());
    ConfigException unknown = assertThrows(ConfigException.class,
        () -> Config.from(new JsonObject().put("httpPrt", 80), Map.of()));
    assertTrue(unknown.getMessage().contains("'httpPrt'"), unknown.getMessage());
  }

  @Test
  @DisplayName("a file that is not JSON stops the start with a message naming the file")
  void unreadableFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("holdspace.json");
    Files.writeString(file, "{ httpPort: ");
    ConfigException e = assertThrows(ConfigException.class, () -> Config.load(file, Map.of()));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }

  @Test
  @DisplayName("a missing file is fine: defaults and environment apply")
  void missingFile(@TempDir Path dir) {
    Config c = Config.load(dir.resolve("absent.json"), Map.of("HOLDSPACE_HTTP_PORT", "0"));
    assertEquals(0, c.httpPort());
  }

  @Test
  @DisplayName("another port keeps every other setting")
  void withHttpPort() {
    Config c = fromEnv(Map.of("HOLDSPACE_TOKEN_MINUTES", "30"));
    Config moved = c.withHttpPort(1234);
    assertEquals(1234, moved.httpPort());
    assertEquals(c, moved.withHttpPort(c.httpPort()));
  }

  @Test
  @DisplayName("the cluster's TLS keys are read together, and one alone is refused naming all three")
  void clusterTlsTogether() throws java.io.IOException {
    Path file = java.nio.file.Files.createTempFile("pem", ".pem");
    Config c = fromEnv(Map.of("HOLDSPACE_CLUSTER_TLS_CERT_PATH", file.toString(),
        "HOLDSPACE_CLUSTER_TLS_KEY_PATH", file.toString(), "HOLDSPACE_CLUSTER_TLS_CA_PATH", file.toString()));
    assertEquals(Optional.of(new Config.ClusterTls(file, file, file)), c.clusterNetwork().tls());
    assertEquals(Optional.empty(), fromEnv(Map.of()).clusterNetwork().tls());
    assertTrue(!fromEnv(Map.of()).metricsPublic());
    ConfigException e = assertThrows(ConfigException.class,
        () -> fromEnv(Map.of("HOLDSPACE_CLUSTER_TLS_CERT_PATH", file.toString())));
    for (String name : List.of("HOLDSPACE_CLUSTER_TLS_CERT_PATH", "HOLDSPACE_CLUSTER_TLS_KEY_PATH",
        "HOLDSPACE_CLUSTER_TLS_CA_PATH")) {
      assertTrue(e.getMessage().contains(name), e.getMessage());
    }
  }
}
