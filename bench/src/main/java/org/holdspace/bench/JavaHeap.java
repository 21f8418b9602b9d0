package org.holdspace.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live heap of a Java server after a full collection, read with the JDK's {@code jcmd}: what its objects take,
 * without the garbage and the head-room that its resident memory also holds.
 */
final class JavaHeap {
  private static final Pattern USED = Pattern.compile("used (\\d+)K");

  private JavaHeap() {
  }

  /** Runs a full GC in the process and answers the heap in use after it, in KB (empty when jcmd cannot). */
  static OptionalLong liveKb(long pid) {
    try {
      if (!jcmd(pid, "GC.run").isPresent()) {
        return OptionalLong.empty();
      }
      String info = jcmd(pid, "GC.heap_info").orElse("");
      return parseUsedKb(info);
    } catch (IOException e) {
      return OptionalLong.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalLong.empty();
    }
  }

  /** Writes the process's class histogram (live objects, after a full GC) to the file, for finding what grew. */
  static void histogram(long pid, java.nio.file.Path file) {
    try {
      jcmd(pid, "GC.class_histogram").ifPresent(text -> {
        try {
          java.nio.file.Files.writeString(file, text);
        } catch (IOException e) {
          System.err.println("[bench] could not write " + file + ": " + e.getMessage());
        }
      });
    } catch (IOException e) {
      System.err.println("[bench] no class histogram: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The first "used NK" of {@code GC.heap_info}'s answer: the whole heap's (later lines are its regions). */
  static OptionalLong parseUsedKb(String heapInfo) {
    Matcher m = USED.matcher(heapInfo);
    return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
  }

  private static java.util.Optional<String> jcmd(long pid, String command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new String(out, StandardCharsets.UTF_8));
  }
}
