package org.holdspace.web;

import io.vertx.core.json.JsonObject;
import org.holdspace.support.TestServer;
import org.junit.jupiter.api.DynamicTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One run of a browser scenario in {@code e2e/} (node, playwright-core, Debian's Chromium) against a test server,
 * read back as its PLAN/PASS/FAIL/DONE lines. Without node or Chromium the tests are skipped, saying how to install
 * them, unless {@code CI} is set, where they fail.
 */
final class Scenario {
  private static final Path E2E = Path.of("e2e");
  private static final long SECONDS = 180;

  private final List<String> output;
  private final int exitCode;

  private Scenario(List<String> output, int exitCode) {
    this.output = output;
    this.exitCode = exitCode;
  }

  static Scenario run(String script, Path log, TestServer server, JsonObject cast) throws Exception {
    String chromium = System.getenv().getOrDefault("HOLDSPACE_CHROMIUM", "/usr/bin/chromium");
    boolean haveNode = runs(List.of("node", "--version"));
    boolean haveChromium = Files.isExecutable(Path.of(chromium));
    if (!haveNode || !haveChromium) {
      String how = "the browser tests need Node.js and Debian's Chromium: apt-get install -y nodejs npm chromium";
      if (System.getenv("CI") != null) {
        fail(how);
      }
      assumeTrue(false, how);
    }
    Files.createDirectories(Path.of("target", "screenshots"));
    installPlaywright();
    ProcessBuilder builder = new ProcessBuilder("node", E2E.resolve(script).toString())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("HOLDSPACE_BASE_URL", "http://127.0.0.1:" + server.port());
    builder.environment().put("HOLDSPACE_E2E", cast.encode());
    builder.environment().put("HOLDSPACE_SCREENSHOTS", Path.of("target", "screenshots").toString());
    builder.environment().put("HOLDSPACE_CHROMIUM", chromium);
    Process node = builder.start();
    int code = -1;
    if (!node.waitFor(SECONDS, TimeUnit.SECONDS)) {
      node.descendants().forEach(ProcessHandle::destroyForcibly);
      node.destroyForcibly().waitFor();
    } else {
      code = node.exitValue();
    }
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    lines.forEach(line -> System.out.println("e2e | " + line));
    return new Scenario(lines, code);
  }

  /** One test per planned step: passed, failed with its reason, or never run. */
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

  void assertCompleted() {
    assertTrue(output.stream().anyMatch(l -> l.startsWith("DONE ")),
        "the scenario did not finish within " + SECONDS + " s; its output:\n" + String.join("\n", output));
    assertEquals(0, exitCode, "the scenario's exit code; its output:\n" + String.join("\n", output));
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
}
