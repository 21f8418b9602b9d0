package org.holdspace.bench;

import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** What the results were measured on: cores, memory, processor, kernel and the versions of the servers' runtimes. */
final class Machine {
  private Machine() {
  }

  static JsonObject describe() {
    return new JsonObject()
        .put("cores", Runtime.getRuntime().availableProcessors())
        .put("memoryGb", Math.round(Proc.field("/proc/meminfo", "MemTotal:") / 1024.0 / 1024.0))
        .put("cpu", cpuModel())
        .put("kernel", read("/proc/sys/kernel/osrelease"))
        .put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"))
        .put("node", output("node", "--version"))
        .put("prosody", output("dpkg-query", "-W", "-f=${Version}", "prosody"));
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
    } catch (Exception e) {
      return "unknown";
    }
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file)).trim();
    } catch (Exception e) {
      return "unknown";
    }
  }

  private static String output(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "unknown";
      }
      String out = new String(p.getInputStream().readAllBytes()).trim();
      return p.exitValue() == 0 && !out.isEmpty() ? out : "not installed";
    } catch (Exception e) {
      return "not installed";
    }
  }
}
