package org.holdspace.web;

import io.vertx.core.json.JsonObject;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console's Team section and the supervisor's read-only console in a real browser: {@code e2e/team.mjs} in
 * headless Chromium (set up like {@link BrowserTest}), one test per step.
 */
@DisplayName("The team section and the supervisor's console in a real browser")
@ExtendWith(TestServerExtension.class)
class TeamBrowserTest {
  private static final Path OUTPUT = Path.of("target", "e2e-team-output.txt");
  private static final long SCRIPT_SECONDS = 90;

  private static TestServer server;
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
    LiveGroup group = LiveGroup.of("Dr. Rivera", "Alex").open(server);
    TestServer.Account colleague = server.newAccount("facilitator", "Dr. Quinlan Marsh");
    TestServer.Account supervisor = server.newAccount("supervisor", "Dr. Okafor");
    TestServer.expect(server.post("/api/groups/" + group.id() + "/supervisors", server.adminToken(),
        new JsonObject().put("userId", supervisor.id())), 201);
    JsonObject cast = new JsonObject().put("groupId", group.id()).put("facilitator", person(group.facilitator()))
        .put("colleague", person(colleague)).put("supervisor", person(supervisor)).put("member", person(group.member(0)));
    Files.createDirectories(OUTPUT.getParent());
    ProcessBuilder builder = new ProcessBuilder("node", Path.of("e2e", "team.mjs").toString())
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
    output.forEach(line -> System.out.println("e2e team | " + line));
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
}
