package org.holdspace.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Readings from {@code /proc}: CPU time of a process and all its descendants (from {@code stat}: utime, stime and
 * the children's cutime, cstime, so that a process that exits inside the window still counts), memory (Pss from
 * {@code smaps_rollup}, so that memory shared by forked PostgreSQL backends is not counted once per process), and
 * the machine's CPU, to tell when another process took the CPU during a run.
 */
final class Proc {
  /** Clock ticks per second of the times in /proc (USER_HZ, 100 on Linux). */
  static final double HZ = 100.0;

  private Proc() {
  }

  /** The fields of /proc/PID/stat a run needs. */
  record Stat(int pid, int ppid, long utime, long stime, long cutime, long cstime) {
    long ticks() {
      return utime + stime + cutime + cstime;
    }
  }

  /** Parses a /proc/PID/stat line; the command name may hold spaces and parentheses, so fields count after ')'. */
  static Stat parse(String line) {
    int close = line.lastIndexOf(')');
    int pid = Integer.parseInt(line.substring(0, line.indexOf(' ')).trim());
    String[] f = line.substring(close + 2).trim().split(" ");
    // f[0] is field 3 (state): field n is f[n - 3].
    return new Stat(pid, Integer.parseInt(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]),
        Long.parseLong(f[13]), Long.parseLong(f[14]));
  }

  static Stat stat(int pid) {
    try {
      return parse(Files.readString(Path.of("/proc/" + pid + "/stat")));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static List<Stat> all() {
    List<Stat> stats = new ArrayList<>();
    try (var dirs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
      for (Path dir : dirs) {
        Stat s = stat(Integer.parseInt(dir.getFileName().toString()));
        if (s != null) {
          stats.add(s);
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return stats;
  }

  /** The roots and every live descendant of them. */
  static Set<Stat> tree(Collection<Integer> roots) {
    List<Stat> all = all();
    Map<Integer, List<Stat>> children = new HashMap<>();
    Map<Integer, Stat> byPid = new HashMap<>();
    for (Stat s : all) {
      children.computeIfAbsent(s.ppid(), k -> new ArrayList<>()).add(s);
      byPid.put(s.pid(), s);
    }
    Set<Stat> out = new LinkedHashSet<>();
    ArrayDeque<Integer> queue = new ArrayDeque<>(roots);
    Set<Integer> seen = new java.util.HashSet<>();
    while (!queue.isEmpty()) {
      int pid = queue.poll();
      if (!seen.add(pid)) {
        continue;
      }
      Stat s = byPid.get(pid);
      if (s != null) {
        out.add(s);
      }
      children.getOrDefault(pid, List.of()).forEach(c -> queue.add(c.pid()));
    }
    return out;
  }

  /** CPU ticks used so far by the roots and their descendants. */
  static long treeTicks(Collection<Integer> roots) {
    return tree(roots).stream().mapToLong(Stat::ticks).sum();
  }

  /** Memory of the roots and their descendants now, in KiB: the sum of Pss (VmRSS where Pss is unreadable). */
  static long treeMemoryKb(Collection<Integer> roots) {
    long sum = 0;
    for (Stat s : tree(roots)) {
      long pss = field("/proc/" + s.pid() + "/smaps_rollup", "Pss:");
      sum += pss >= 0 ? pss : Math.max(0, field("/proc/" + s.pid() + "/status", "VmRSS:"));
    }
    return sum;
  }

  /** The peak resident set of one process (VmHWM), in KiB, or -1. */
  static long peakRssKb(int pid) {
    return field("/proc/" + pid + "/status", "VmHWM:");
  }

  static long field(String file, String name) {
    try {
      for (String line : Files.readAllLines(Path.of(file))) {
        if (line.startsWith(name)) {
          return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  /** The machine's CPU ticks from /proc/stat: [busy in processes (user+nice+system), steal, all]. */
  static long[] machine() {
    try {
      String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
      return parseMachine(line);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static long[] parseMachine(String cpuLine) {
    String[] f = cpuLine.trim().split("\\s+");
    long user = Long.parseLong(f[1]);
    long nice = Long.parseLong(f[2]);
    long system = Long.parseLong(f[3]);
    long all = 0;
    for (int i = 1; i < Math.min(f.length, 9); i++) {
      all += Long.parseLong(f[i]);
    }
    long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
    return new long[] {user + nice + system, steal, all};
  }

  static int self() {
    return (int) ProcessHandle.current().pid();
  }
}
