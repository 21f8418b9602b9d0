package org.holdspace.cluster;

import io.vertx.core.json.JsonObject;
import org.holdspace.support.ChatClient;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks on what sockets received, shared by the cluster tests. */
final class Streams {
  private Streams() {
  }

  static List<Long> seqs(List<JsonObject> events) {
    return events.stream().map(e -> e.getLong("seq")).toList();
  }

  static List<Long> seqs(ChatClient client, long groupId) {
    return seqs(client.events(groupId));
  }

  /** Each seq once, each one more than the one before: no gap, no repeat, no reordering. */
  static void assertConsecutive(List<Long> seqs) {
    for (int i = 1; i < seqs.size(); i++) {
      assertEquals(seqs.get(i - 1) + 1, seqs.get(i), "no gap, repeat or reordering in " + seqs);
    }
  }

  static void assertNoRepeats(List<Long> seqs) {
    Set<Long> seen = new HashSet<>();
    for (Long seq : seqs) {
      assertTrue(seen.add(seq), "seq " + seq + " delivered twice: " + seqs);
    }
  }

  static long count(ChatClient client, long groupId, Predicate<JsonObject> match) {
    return client.events(groupId).stream().filter(match).count();
  }

  /** Median and 99th percentile of microsecond samples, in milliseconds. */
  static String summary(List<Long> micros) {
    List<Long> sorted = new ArrayList<>(micros);
    sorted.sort(null);
    double median = sorted.get(sorted.size() / 2) / 1000.0;
    double p99 = sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1) / 1000.0;
    return String.format("median %.2f ms, p99 %.2f ms", median, p99);
  }

  static double medianMillis(List<Long> micros) {
    List<Long> sorted = new ArrayList<>(micros);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2) / 1000.0;
  }
}
