package org.holdspace.support;

import org.holdspace.config.Config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Holdspace node in a process of its own, started the way an operator would ({@code org.holdspace.Main} with
 * environment variables), so that a test can kill it outright as a crash would.
 */
public final class ProcessNode implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("Holdspace listening on port (\\d+)");

  private final Process process;
  private final CompletableFuture<Integer> port = new CompletableFuture<>();
  private final List<String> output = new ArrayList<>();
  private final Thread reader;

  private ProcessNode(Process process) {
    this.process = process;
    // a test run that ends abruptly must not leave the node running
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "process-node-stop"));
    this.reader = new Thread(this::read, "process-node-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts a node with these configuration keys (as environment variables) and waits until it serves. */
  public static ProcessNode start(Map<String, Object> keys, Duration timeout) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.addAll(Arrays.asList(System.getProperty("holdspace.test.jvmArgs", "").split("\\s+")));
    command.removeIf(String::isBlank);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.holdspace.Main"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("HOLDSPACE_") || name.equals("DATABASE_URL"));
    try {
      env.put("HOLDSPACE_CONFIG", Files.createTempDirectory("holdspace-node").resolve("none.json").toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    keys.forEach((key, value) -> env.put(Config.envName(key), String.valueOf(value)));
    ProcessNode node;
    try {
      node = new ProcessNode(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      node.port.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      node.close();
      throw new AssertionError("the node process did not start within " + timeout + "; it wrote " + node.output(), e);
    }
    return node;
  }

  private void read() {
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        synchronized (output) {
          output.add(line);
        }
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          port.complete(Integer.parseInt(m.group(1)));
        }
      }
    } catch (IOException ignored) {
      // the process is gone
    }
    port.completeExceptionally(new IllegalStateException("the node process ended"));
  }

  public int port() {
    return port.join();
  }

  public List<String> output() {
    synchronized (output) {
      return List.copyOf(output);
    }
  }

  /**
   * Asks the process to stop as an operator or an orchestrator does (SIGTERM on Linux) and waits for it to exit;
   * answers how long that took.
   */
  public Duration terminate(Duration timeout) {
    long start = System.nanoTime();
    // Through the handle: Process.destroy() would also close this end of the output pipe, losing the drain's lines.
    process.toHandle().destroy();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("the node process still ran " + timeout + " after SIGTERM; it wrote " + output());
      }
      reader.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** Ends the process at once, with no chance to clean up: a crash. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }
}
