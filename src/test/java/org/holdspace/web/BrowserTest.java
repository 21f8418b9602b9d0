package org.holdspace.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.holdspace.support.LiveGroup;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The web client in a real browser: {@code e2e/scenario.mjs} drives headless Chromium through playwright-core
 * against a real server over a fresh database, with a facilitator and two members in separate browser contexts.
 * Each step of the scenario is reported here as its own test. Screenshots go to {@code target/screenshots/}.
 */
@DisplayName("The web client in a real browser")
class BrowserTest {
  /** A real OpenID Connect provider in this JVM, for "Sign in with …" (it must run before the server starts). */
  private static final MockOAuth2Server PROVIDER = startedProvider();
  private static final String CLIENT = "holdspace-browser";
  @RegisterExtension
  static final TestServerExtension SERVER = TestServerExtension.with(Map.of(
      "oidcIssuer", PROVIDER.issuerUrl("clinic").toString(), "oidcClientId", CLIENT,
      "oidcClientSecret", "a-client-secret", "oidcName", "Clinic ID"));
  private static final Path E2E = Path.of("e2e");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Path OUTPUT = Path.of("target", "e2e-output.txt");
  private static final long SCENARIO_SECONDS = 150;

  private static TestServer server;
  private static int exitCode = -1;
  private static List<String> output = List.of();

  @BeforeAll
  static void runScenario() throws Exception {
    String chromium = System.getenv().getOrDefault("HOLDSPACE_CHROMIUM", "/usr/bin/chromium");
    boolean haveNode = runs(List.of("node", "--version"));
    boolean haveChromium = Files.isExecutable(Path.of(chromium));
    if (!haveNode || !haveChromium) {
      String missing = (haveNode ? "" : "node ") + (haveChromium ? "" : chromium);
      String how = "the browser tests need Node.js and Debian's Chromium: apt-get install -y nodejs npm chromium"
          + " (missing: " + missing.trim() + ")";
      if (System.getenv("CI") != null) {
        fail(how);
      }
      assumeTrue(false, how);
    }
    Files.createDirectories(SCREENSHOTS);
    installPlaywright();
    JsonObject cast = cast();
    ProcessBuilder builder = new ProcessBuilder("node", E2E.resolve("scenario.mjs").toString())
        .redirectErrorStream(true)
        .redirectOutput(OUTPUT.toFile());
    builder.environment().put("HOLDSPACE_BASE_URL", "http://127.0.0.1:" + server.port());
    builder.environment().put("HOLDSPACE_E2E", cast.encode());
    builder.environment().put("HOLDSPACE_SCREENSHOTS", SCREENSHOTS.toString());
    builder.environment().put("HOLDSPACE_CHROMIUM", chromium);
    Process node = builder.start();
    if (!node.waitFor(SCENARIO_SECONDS, TimeUnit.SECONDS)) {
      node.descendants().forEach(ProcessHandle::destroyForcibly);
      node.destroyForcibly().waitFor();
    } else {
      exitCode = node.exitValue();
    }
    output = Files.readAllLines(OUTPUT, StandardCharsets.UTF_8);
    output.forEach(line -> System.out.println("e2e | " + line));
  }

  private static MockOAuth2Server startedProvider() {
    MockOAuth2Server provider = new MockOAuth2Server();
    provider.start(0);
    return provider;
  }

  @AfterAll
  static void stopProvider() {
    PROVIDER.shutdown();
  }

  /**
   * A facilitator and two members of a 12-session IPT group, one with a focus area set; a member of no group, whose
   * verified e-mail the provider will vouch for once.
   */
  private static JsonObject cast() {
    LiveGroup group = LiveGroup.of("Dr. Rivera", "Alex", "Sam <b>M</b>").open(server);
    TestServer.Account facilitator = group.facilitator();
    TestServer.Account alex = group.member(0);
    TestServer.Account sam = group.member(1);
    long groupId = group.id();
    TestServer.expect(server.put("/api/groups/" + groupId + "/members/" + alex.id() + "/focus", facilitator.token(),
        new JsonObject().put("area", "role_transition").put("goal", "Settle into my new job without pulling away")), 200);
    return new JsonObject().put("groupId", groupId)
        .put("facilitator", person(facilitator))
        .put("members", new JsonArray().add(person(alex)).add(person(sam)))
        .put("spare", spare());
  }

  private static JsonObject spare() {
    TestServer.Account pat = server.newAccount("member", "Pat");
    TestServer.expect(server.call(HttpMethod.PATCH, "/api/users/" + pat.id(), server.adminToken(),
        new JsonObject().put("email", "pat@clinic.example")), 200);
    PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback("clinic", "sub-pat", "JWT", List.of(CLIENT),
        Map.of("email", "pat@clinic.example", "email_verified", true), 3600));
    return person(pat);
  }

  private static JsonObject person(TestServer.Account a) {
    return new JsonObject().put("id", a.id()).put("username", a.username()).put("password", TestServer.PASSWORD)
        .put("displayName", a.displayName());
  }

  private static void installPlaywright() throws IOException, InterruptedException {
    Path modules = E2E.resolve("node_modules");
    if (Files.isDirectory(modules.resolve("playwright-core")) && Files.isDirectory(modules.resolve("axe-core"))) {
      return;
    }
    Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(E2E.toFile())
        .redirectErrorStream(true).redirectOutput(Path.of("target", "e2e-npm.txt").toFile()).start();
    if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
      npm.destroyForcibly();
      fail("npm ci in e2e/ failed; see target/e2e-npm.txt");
    }
  }

  private static boolean runs(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  @TestFactory
  @DisplayName("each step of the scenario")
  Stream<DynamicTest> steps() {
    List<String> plan = output.stream().filter(l -> l.startsWith("PLAN ")).findFirst()
        .map(l -> List.of(l.substring(5).split("\\|"))).orElse(List.of());
    assertFalse(plan.isEmpty(), "the scenario printed no plan; its output:\n" + String.join("\n", output));
    List<DynamicTest> tests = new ArrayList<>();
    for (String name : plan) {
      tests.add(DynamicTest.dynamicTest(name, () -> {
        String failed = output.stream().filter(l -> l.startsWith("FAIL " + name + ":")).findFirst().orElse(null);
        if (failed != null) {
          fail(failed.substring(5));
        }
        assertTrue(output.stream().anyMatch(l -> l.startsWith("PASS " + name + " (")), "the step did not run");
      }));
    }
    return tests.stream();
  }

  @Test
  @DisplayName("the scenario ran to its end, passed, and saved screenshots of the member page and the console")
  void scenarioCompleted() {
    assertTrue(output.stream().anyMatch(l -> l.startsWith("DONE ")),
        "the scenario did not finish within " + SCENARIO_SECONDS + " s; its output:\n" + String.join("\n", output));
    assertEquals(0, exitCode, "the scenario's exit code; its output:\n" + String.join("\n", output));
    for (String shot : List.of("member.png", "member-phone.png", "console.png")) {
      assertTrue(Files.isRegularFile(SCREENSHOTS.resolve(shot)), "screenshot " + shot);
    }
  }
}
