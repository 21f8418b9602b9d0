package org.holdspace.web;

import io.vertx.core.json.JsonObject;
import org.holdspace.support.TestServer;
import org.junit.jupiter.api.DynamicTest;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * them, unless {@code CI} is set, where they fail. The node packages are installed ({@code npm ci}) when missing,
 * under a file lock so that two test JVMs never install at once.
 */
final class Scenario {
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Path E2E = Path.of("e2e");
  private static final Path NPM_LOCK = Path.of("target", "e2e-npm.lock");
  private static final Path NPM_LOG = Path.of("target", "e2e-npm.txt");

  private final List<String> output;
  private final int exitCode;
  private final long seconds;

  private Scenario(List<String> output, int exitCode, long seconds) {
    this.output = output;
    this.exitCode = exitCode;
    this.seconds = seconds;
  }

  /** Runs {@code e2e/<script>} with the cast in HOLDSPACE_E2E, for at most the given seconds, its output to log. */
  static Scenario run(String script, Path log, long seconds, TestServer server, JsonObject cast) throws Exception {
    String chromium = System.getenv().getOrDefault("HOLDSPACE_CHROMIUM", "/usr/bin/chromium");
    requireNodeAndChromium(chromium);
    Files.createDirectories(SCREENSHOTS);
    Files.createDirectories(log.toAbsolutePath().getParent());
    installPackages();
    ProcessBuilder builder = new ProcessBuilder("node", E2E.resolve(script).toString())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("HOLDSPACE_BASE_URL", "http://127.0.0.1:" + server.port());
    builder.environment().put("HOLDSPACE_E2E", cast.encode());
    builder.environment().put("HOLDSPACE_SCREENSHOTS", SCREENSHOTS.toString());
    builder.environment().put("HOLDSPACE_CHROMIUM", chromium);
    Process node = builder.start();
    int code = -1;
    if (!node.waitFor(seconds, TimeUnit.SECONDS)) {
      node.descendants().forEach(ProcessHandle::destroyForcibly);
      node.destroyForcibly().waitFor();
    } else {
      code = node.exitValue();
    }
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    String prefix = "e2e " + script.replace(".mjs", "") + " | ";
    lines.forEach(line -> System.out.println(prefix + line));
    return new Scenario(lines, code, seconds);
  }

  /** What the script printed, for the lines a test reads itself (GROUP, AXE …). */
  List<String> output() {
    return output;
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
        "the scenario did not finish within " + seconds + " s; its output:\n" + String.join("\n", output));
    assertEquals(0, exitCode, "the scenario's exit code; its output:\n" + String.join("\n", output));
  }

  private static void requireNodeAndChromium(String chromium) {
    boolean haveNode = runs(List.of("node", "--version"));
    boolean haveChromium = Files.isExecutable(Path.of(chromium));
    if (haveNode && haveChromium) {
      return;
    }
    String missing = (haveNode ? "" : "node ") + (haveChromium ? "" : chromium);
    String how = "the browser tests need Node.js and Debian's Chromium: apt-get install -y nodejs npm chromium"
        + " (missing: " + missing.trim() + ")";
    if (System.getenv("CI") != null) {
      fail(how);
    }
    assumeTrue(false, how);
  }

  /** {@code npm ci} in e2e/ unless playwright-core and axe-core are there; one JVM (and one thread) at a time. */
  private static synchronized void installPackages() throws IOException, InterruptedException {
    Files.createDirectories(NPM_LOCK.getParent());
    try (FileChannel channel = FileChannel.open(NPM_LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
         FileLock ignored = channel.lock()) {
      Path modules = E2E.resolve("node_modules");
      if (Files.isDirectory(modules.resolve("playwright-core")) && Files.isDirectory(modules.resolve("axe-core"))) {
        return;
      }
      Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(E2E.toFile())
          .redirectErrorStream(true).redirectOutput(NPM_LOG.toFile()).start();
      if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
        npm.destroyForcibly().waitFor();
        fail("npm ci in e2e/ failed; see " + NPM_LOG);
      }
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
