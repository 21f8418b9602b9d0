package org.holdspace.ops;

import io.vertx.core.json.JsonObject;
import org.holdspace.config.Config;
import org.holdspace.db.DatabaseUrl;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compose file and the Kubernetes manifests in {@code deploy/} agree with the settings: every variable is a
 * known key and the values load, ports and probes match the settings, selectors match the pods, and the time an
 * orchestrator gives a stopping node covers its drain.
 */
@DisplayName("The deployment files")
class DeployFilesTest {
  private static final Path DEPLOY = Path.of("deploy");

  @Test
  @DisplayName("compose: two clustered nodes on the one PostgreSQL, behind nginx that passes WebSockets")
  @SuppressWarnings("unchecked")
  void compose() throws IOException {
    Map<String, Object> compose = new Yaml().load(Files.readString(DEPLOY.resolve("compose/compose.yaml")));
    Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
    assertTrue(services.keySet().containsAll(List.of("postgres", "holdspace-1", "holdspace-2", "balancer")),
        services.keySet().toString());
    Map<String, Object> postgres = services.get("postgres");
    Map<String, String> pgEnv = strings((Map<String, Object>) postgres.get("environment"));
    String nginx = Files.readString(DEPLOY.resolve("compose/nginx.conf"));
    List<String> nodes = services.keySet().stream().filter(n -> n.startsWith("holdspace-")).sorted().toList();
    assertEquals(2, nodes.size());
    for (String name : nodes) {
      Map<String, Object> node = services.get(name);
      Map<String, String> env = substituted(strings((Map<String, Object>) node.get("environment")));
      Config config = load(env);
      assertTrue(config.cluster(), name);
      String ip = address(node);
      assertEquals(ip, config.clusterNetwork().host(), name + " announces its own address");
      assertEquals(nodes.stream().map(n -> address(services.get(n))).toList(), config.clusterMembers(), name);
      DatabaseUrl db = DatabaseUrl.parse(config.databaseUrl().orElseThrow());
      assertEquals(address(postgres), db.host(), name + " uses the compose PostgreSQL");
      assertEquals(pgEnv.get("POSTGRES_DB"), db.database());
      assertEquals(pgEnv.get("POSTGRES_USER"), db.user());
      assertTrue(node.containsKey("healthcheck"), name + " has a health check");
      assertTrue(String.valueOf(((Map<String, Object>) node.get("healthcheck")).get("test")).contains("HealthCheck"));
      assertTrue(String.valueOf(node.get("volumes")).contains(":/data"), name + " keeps /data");
      Duration stop = Duration.ofSeconds(Long.parseLong(String.valueOf(node.get("stop_grace_period")).replace("s", "")));
      assertTrue(stop.toSeconds() > config.shutdownGraceSeconds(), name + ": compose waits longer than the drain");
      assertTrue(nginx.contains("server " + name + ":" + config.httpPort()), "nginx sends to " + name);
    }
    Matcher ws = Pattern.compile("location /ws \\{([^}]*)}").matcher(nginx);
    assertTrue(ws.find(), "nginx has a /ws location");
    assertTrue(ws.group(1).contains("proxy_set_header Upgrade $http_upgrade")
        && ws.group(1).contains("proxy_http_version 1.1") && ws.group(1).contains("proxy_set_header Host"), ws.group(1));
    assertTrue(ws.group(1).contains("http_503"), "a draining node's 503 sends the socket to the other node");
    assertTrue(String.valueOf(services.get("balancer").get("volumes")).contains("nginx.conf"));
  }

  @Test
  @DisplayName("Kubernetes: the Deployment, its Service and the headless Service of the cluster fit together")
  @SuppressWarnings("unchecked")
  void kubernetes() throws IOException {
    Map<String, Map<String, Object>> byName = new HashMap<>();
    for (Object doc : new Yaml().loadAll(Files.readString(DEPLOY.resolve("kubernetes/holdspace.yaml")))) {
      Map<String, Object> resource = (Map<String, Object>) doc;
      Map<String, Object> meta = (Map<String, Object>) resource.get("metadata");
      byName.put(resource.get("kind") + "/" + meta.get("name"), resource);
    }
    assertEquals(Set.of("Deployment/holdspace", "Service/holdspace", "Service/holdspace-hz"), byName.keySet());
    Map<String, Object> deployment = byName.get("Deployment/holdspace");
    Map<String, Object> spec = map(deployment, "spec");
    Map<String, Object> labels = map(map(spec, "selector"), "matchLabels");
    Map<String, Object> pod = map(map(spec, "template"), "spec");
    assertTrue(map(map(map(spec, "template"), "metadata"), "labels").entrySet().containsAll(labels.entrySet()));
    Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
    Map<String, String> env = new HashMap<>();
    for (Map<String, Object> e : (List<Map<String, Object>>) container.get("env")) {
      env.put((String) e.get("name"), e.containsKey("value") ? String.valueOf(e.get("value")) : sample(e));
    }
    Config config = load(env);
    assertTrue(config.cluster());
    assertEquals("kubernetes-dns", config.clusterNetwork().discovery());

    List<Integer> containerPorts = ((List<Map<String, Object>>) container.get("ports")).stream()
        .map(p -> (Integer) p.get("containerPort")).toList();
    assertTrue(containerPorts.containsAll(List.of(config.httpPort(), config.clusterNetwork().port(),
        config.clusterNetwork().busPort())), containerPorts.toString());
    for (String probe : List.of("readinessProbe", "livenessProbe")) {
      Map<String, Object> get = map(map(container, probe), "httpGet");
      assertEquals("/health", get.get("path"), probe);
      assertEquals(config.httpPort(), get.get("port"), probe);
    }
    assertTrue(((List<Map<String, Object>>) container.get("volumeMounts")).stream()
        .anyMatch(m -> "/data".equals(m.get("mountPath"))), "the data volume is mounted on /data");
    assertEquals(10001, map(pod, "securityContext").get("runAsUser"));
    int preStop = (Integer) map(map(map(container, "lifecycle"), "preStop"), "sleep").get("seconds");
    assertTrue((Integer) pod.get("terminationGracePeriodSeconds") > preStop + config.shutdownGraceSeconds(),
        "Kubernetes waits for the pause before SIGTERM and then the whole drain");

    Map<String, Object> service = map(byName.get("Service/holdspace"), "spec");
    assertEquals(labels, service.get("selector"));
    assertEquals(config.httpPort(), ((List<Map<String, Object>>) service.get("ports")).get(0).get("targetPort"));
    assertTrue(!service.containsKey("sessionAffinity") || "None".equals(service.get("sessionAffinity")));

    Map<String, Object> headless = map(byName.get("Service/holdspace-hz"), "spec");
    assertEquals("None", headless.get("clusterIP"));
    assertEquals(true, headless.get("publishNotReadyAddresses"));
    assertEquals(labels, headless.get("selector"));
    assertEquals(config.clusterNetwork().port(),
        ((List<Map<String, Object>>) headless.get("ports")).get(0).get("port"));
    String namespace = (String) map(byName.get("Service/holdspace-hz"), "metadata").get("namespace");
    assertTrue(config.clusterNetwork().kubernetesService().orElseThrow().startsWith("holdspace-hz." + namespace + "."),
        "discovery asks the DNS of the headless service");
  }

  /** Loads the settings from these variables, after checking that each of them is a configuration key's. */
  private static Config load(Map<String, String> env) {
    Set<String> known = keys().stream().map(Config::envName).collect(Collectors.toSet());
    List<String> unknown = new ArrayList<>(env.keySet());
    unknown.removeAll(known);
    assertEquals(List.of(), unknown, "variables that are no configuration key");
    return Config.from(new JsonObject(), env);
  }

  @SuppressWarnings("unchecked")
  private static Set<String> keys() {
    try {
      var field = Config.class.getDeclaredField("KEYS");
      field.setAccessible(true);
      return (Set<String>) field.get(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** What a variable taken from the pod or a secret holds at run time. */
  @SuppressWarnings("unchecked")
  private static String sample(Map<String, Object> variable) {
    Map<String, Object> from = (Map<String, Object>) variable.get("valueFrom");
    if (from.containsKey("fieldRef")) {
      assertEquals("status.podIP", map(from, "fieldRef").get("fieldPath"));
      return "10.1.2.3";
    }
    String key = (String) map(from, "secretKeyRef").get("key");
    return switch (key) {
      case "database-url" -> "postgres://holdspace:secret@db:5432/holdspace";
      case "jwt-secret" -> "a-jwt-secret-from-the-secret-0123456789";
      default -> throw new AssertionError("unexpected secret key " + key);
    };
  }

  /** Compose's ${NAME} and ${NAME:?message} with sample values. */
  private static Map<String, String> substituted(Map<String, String> env) {
    Map<String, String> samples = Map.of("POSTGRES_PASSWORD", "pg-secret",
        "HOLDSPACE_JWT_SECRET", "a-jwt-secret-from-the-environment-0123456789");
    Map<String, String> out = new HashMap<>();
    env.forEach((k, v) -> {
      Matcher m = Pattern.compile("\\$\\{([A-Z_]+)(:\\?[^}]*)?}").matcher(v);
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(sb, Matcher.quoteReplacement(samples.get(m.group(1))));
      }
      m.appendTail(sb);
      out.put(k, sb.toString());
    });
    return out;
  }

  @SuppressWarnings("unchecked")
  private static String address(Map<String, Object> service) {
    return (String) map(map((Map<String, Object>) service, "networks"), "holdspace").get("ipv4_address");
  }

  private static Map<String, String> strings(Map<String, Object> map) {
    Map<String, String> out = new HashMap<>();
    map.forEach((k, v) -> out.put(k, String.valueOf(v)));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    Object child = parent.get(key);
    assertTrue(child instanceof Map, key + " in " + parent);
    return (Map<String, Object>) child;
  }
}
