package org.holdspace.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.holdspace.support.AuditTrail;
import org.holdspace.support.LiveGroup;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Supervision in a real browser ({@code e2e/supervision.mjs}, set up like {@link BrowserTest}): the admin creates a
 * supervisor account and assigns it to a group on the admin page, adds and removes a co-facilitator there, and the
 * supervisor signs in and reads the console and the dashboard with no write control; then what the server stored.
 */
@DisplayName("Supervision from the admin page to the supervisor's read-only pages in a real browser")
@ExtendWith(TestServerExtension.class)
class SupervisionBrowserTest {
  private static final Path OUTPUT = Path.of("target", "e2e-supervision-output.txt");
  private static final long SCRIPT_SECONDS = 120;
  private static final String SUPERVISOR = "supervisor-okafor";

  private static TestServer server;
  private static LiveGroup group;
  private static TestServer.Account colleague;
  private static int exitCode = -1;
  private static List<String> output = List.of();

  @BeforeAll
  static void run() throws Exception {
    String chromium = System.getenv().getOrDefault("HOLDSPACE_CHROMIUM", "/usr/bin/chromium");
    boolean ready = Files.isExecutable(Path.of(chromium))
        && Files.isDirectory(Path.of("e2e", "node_modules", "playwright-core"))
        && Files.isDirectory(Path.of("e2e", "node_modules", "axe-core"));
    if (!ready && System.getenv("CI") != null) {
      fail("the browser tests need Node.js, Chromium and e2e/node_modules (npm ci in e2e/)");
    }
    assumeTrue(ready, "Chromium or e2e/node_modules missing (BrowserTest installs them; or run npm ci in e2e/)");
    group = LiveGroup.of("Dr. Rivera", "Alex").open(server);
    colleague = server.newAccount("facilitator", "Dr. Quinlan Marsh");
    String record = "/api/groups/" + group.id() + "/members/" + group.member(0).id();
    expect(server.put(record + "/focus", group.facilitator().token(), new JsonObject().put("area", "role_dispute")), 200);
    expect(server.post(record + "/homework", group.facilitator().token(),
        new JsonObject().put("text", "Write down one disagreement").put("dueSession", 2)), 201);
    String groupName = expect(server.get("/api/groups/" + group.id(), group.facilitator().token()), 200)
        .getString("name");
    JsonObject cast = new JsonObject().put("groupName", groupName)
        .put("admin", new JsonObject().put("username", "admin").put("password", TestServer.ADMIN_PASSWORD))
        .put("supervisor", new JsonObject().put("username", SUPERVISOR).put("password", "a-quiet-harbour-lantern")
            .put("displayName", "Dr. Imani Okafor"))
        .put("colleague", person(colleague)).put("member", person(group.member(0)));
    Files.createDirectories(OUTPUT.getParent());
    ProcessBuilder builder = new ProcessBuilder("node", Path.of("e2e", "supervision.mjs").toString())
        .redirectErrorStream(true).redirectOutput(OUTPUT.toFile());
    builder.environment().put("HOLDSPACE_BASE_URL", "http://127.0.0.1:" + server.port());
    builder.environment().put("HOLDSPACE_E2E", cast.encode());
    builder.environment().put("HOLDSPACE_SCREENSHOTS", Path.of("target", "screenshots").toString());
    builder.environment().put("HOLDSPACE_CHROMIUM", chromium);
    Process node = builder.start();
    if (!node.waitFor(SCRIPT_SECONDS, TimeUnit.SECONDS)) {
      node.descendants().forEach(ProcessHandle::destroyForcibly);
      node.destroyForcibly().waitFor();
    } else {
      exitCode = node.exitValue();
    }
    output = Files.readAllLines(OUTPUT, StandardCharsets.UTF_8);
    output.forEach(line -> System.out.println("e2e supervision | " + line));
  }

  private static JsonObject person(TestServer.Account a) {
    return new JsonObject().put("id", a.id()).put("username", a.username()).put("password", TestServer.PASSWORD)
        .put("displayName", a.displayName());
  }

  @TestFactory
  @DisplayName("each step")
  Stream<DynamicTest> steps() {
    List<String> plan = output.stream().filter(l -> l.startsWith("PLAN ")).findFirst()
        .map(l -> List.of(l.substring(5).split("\\|"))).orElse(List.of());
    assertFalse(plan.isEmpty(), "the script printed no plan; its output:\n" + String.join("\n", output));
    return plan.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
      output.stream().filter(l -> l.startsWith("FAIL " + name + ":")).findFirst().ifPresent(l -> fail(l.substring(5)));
      assertTrue(output.stream().anyMatch(l -> l.startsWith("PASS " + name + " (")), "the step did not run");
    }));
  }

  @Test
  @DisplayName("the script ran to its end and passed")
  void completed() {
    assertTrue(output.stream().anyMatch(l -> l.startsWith("DONE ")), String.join("\n", output));
    assertEquals(0, exitCode, String.join("\n", output));
  }

  @Test
  @DisplayName("the server stored the supervisor account and its assignment, the co-facilitator's coming and going, "
      + "and audited the supervisor's reads")
  void stored() {
    JsonObject account = only(server.get("/api/users?role=supervisor&query=" + SUPERVISOR, server.adminToken()));
    assertEquals("Dr. Imani Okafor", account.getString("displayName"));
    assertTrue(account.getBoolean("active"));
    long supervisorId = account.getLong("id");
    long adminId = only(server.get("/api/users?role=admin&query=admin", server.adminToken())).getLong("id");

    JsonArray supervisors = new JsonArray(expect200("/supervisors").bodyAsString());
    assertEquals(List.of(supervisorId), supervisors.stream().map(s -> ((JsonObject) s).getLong("id")).toList());
    JsonObject stored = expect(server.get("/api/groups/" + group.id(), group.facilitator().token()), 200);
    assertEquals(List.of(group.facilitator().id()), stored.getJsonArray("facilitators").stream()
        .map(f -> ((JsonObject) f).getLong("id")).toList(), "the co-facilitator was added, then removed");

    assertEquals(1, AuditTrail.count(server, group.id(), "group.supervisor_add", adminId, supervisorId));
    assertEquals(1, AuditTrail.count(server, group.id(), "group.facilitator_add", adminId, colleague.id()));
    assertEquals(1, AuditTrail.count(server, group.id(), "group.facilitator_remove", adminId, colleague.id()));
    for (String read : List.of("room.join", "dashboard.read", "homework.read")) {
      assertTrue(AuditTrail.count(server, group.id(), read, supervisorId, null) >= 1, read + " by the supervisor");
    }
  }

  private static JsonObject only(io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> response) {
    JsonArray users = expect(response, 200).getJsonArray("users");
    assertEquals(1, users.size(), users.encode());
    return users.getJsonObject(0);
  }

  private static io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> expect200(String rest) {
    var response = server.get("/api/groups/" + group.id() + rest, server.adminToken());
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response;
  }
}
