package org.holdspace.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The one-core-each mode: the server under test and its database on the first core, the generator on the second,
 * so that each server is measured on one core of its own with the same load. Uses {@code taskset} (util-linux):
 * children inherit their parent's affinity, so an embedded PostgreSQL and every backend an external one forks
 * after {@link #pinCluster} stay on the server's core.
 */
final class Pinning {
  static final String SERVER_CORE = "0";
  static final String GENERATOR_CORE = "1";

  private Pinning() {
  }

  /** Whether this machine can run the mode: two cores or more and taskset. */
  static boolean available() {
    return Runtime.getRuntime().availableProcessors() >= 2 && Files.isExecutable(Path.of("/usr/bin/taskset"));
  }

  /** The server's command, started on the server's core. */
  static List<String> onServerCore(List<String> command) {
    List<String> pinned = new ArrayList<>(List.of("taskset", "-c", SERVER_CORE));
    pinned.addAll(command);
    return pinned;
  }

  /** Moves this process, every thread of it, to the generator's core. */
  static void generatorOnItsCore() throws IOException, InterruptedException {
    run("taskset", "-a", "-p", "-c", GENERATOR_CORE, Long.toString(ProcessHandle.current().pid()));
  }

  /**
   * Moves every process of the external PostgreSQL cluster whose postmaster is {@code postmaster} to the server's
   * core (or back to every core with {@code cores} "0-N" after the run).
   */
  static void pinCluster(int postmaster, String cores) throws IOException, InterruptedException {
    List<Long> pids = new ArrayList<>();
    pids.add((long) postmaster);
    ProcessHandle.of(postmaster).ifPresent(p -> p.children().forEach(c -> pids.add(c.pid())));
    for (long pid : pids) {
      run("taskset", "-a", "-p", "-c", cores, Long.toString(pid));
    }
  }

  /** Every core, as taskset names them. */
  static String allCores() {
    return "0-" + (Runtime.getRuntime().availableProcessors() - 1);
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed");
    }
  }
}
