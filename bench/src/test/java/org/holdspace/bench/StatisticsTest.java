package org.holdspace.bench;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatisticsTest {

  @Test
  @DisplayName("Percentiles of 1..1000 are exact below 128 and within 1/64 above")
  void percentilesOfAUniformRun() {
    Histogram h = new Histogram();
    for (int v = 1; v <= 1000; v++) {
      h.record(v);
    }
    assertEquals(1000, h.count());
    assertEquals(100, h.percentile(0.10));
    assertWithin(500, h.percentile(0.50));
    assertWithin(900, h.percentile(0.90));
    assertWithin(990, h.percentile(0.99));
    assertWithin(999, h.percentile(0.999));
    assertEquals(1000, h.percentile(1.0));
    assertEquals(1, h.min());
    assertEquals(1000, h.max());
    assertEquals(500.5, h.mean(), 1e-9);
  }

  @Test
  @DisplayName("A tail of one slow value in a thousand shows at p99.9 and not at p99")
  void tail() {
    Histogram h = new Histogram();
    for (int i = 0; i < 999; i++) {
      h.record(2_000);
    }
    h.record(5_000_000);
    assertWithin(2_000, h.percentile(0.99));
    assertWithin(2_000, h.percentile(0.999));
    assertEquals(5_000_000, h.percentile(1.0));
    h.record(5_000_000);
    assertWithin(5_000_000, h.percentile(0.999));
  }

  @Test
  @DisplayName("Buckets tile the values: every value falls between its bucket's bounds, with no gaps")
  void bucketsTile() {
    long previousHigh = -1;
    for (int i = 0; i < 2000; i++) {
      assertEquals(previousHigh + 1, Histogram.lowest(i), "bucket " + i);
      previousHigh = Histogram.highest(i);
    }
    for (long v : new long[] {0, 1, 127, 128, 129, 255, 256, 1_000, 65_535, 1L << 40, Long.MAX_VALUE / 3}) {
      int i = Histogram.index(v);
      assertTrue(Histogram.lowest(i) <= v && v <= Histogram.highest(i), "value " + v);
    }
  }

  @Test
  @DisplayName("Merged histograms answer as one, and an empty one answers 0")
  void merge() {
    Histogram a = new Histogram();
    Histogram b = new Histogram();
    assertEquals(0, a.percentile(0.99));
    for (int v = 1; v <= 50; v++) {
      a.record(v);
      b.record(v + 50);
    }
    a.add(b);
    assertEquals(100, a.count());
    assertEquals(50, a.percentile(0.5));
    assertEquals(99, a.percentile(0.99));
  }

  @Test
  @DisplayName("Loss is expected deliveries (messages in the window times their audience) minus those received")
  void lossCounting() {
    Tally t = new Tally();
    Tally.Lane a = t.lane();
    Tally.Lane b = t.lane();
    long start = 1_000_000_000L;
    long end = 3_000_000_000L;
    t.window(start, end);
    a.sent(start - 1, start, 10);          // warm-up: not measured
    a.sent(start, start + 5_000, 10);      // measured, full room, written 5 µs late
    b.sent(start + 10, start + 10_010, 9); // measured, one member gone, 10 µs late
    b.sent(end, end + 1, 10);              // after the window: not measured
    assertEquals(2, t.sentMeasured());
    assertEquals(4, t.sentAll());
    assertEquals(19, t.expected());
    for (int i = 0; i < 10; i++) {
      (i % 2 == 0 ? a : b).received(start, start + 2_000_000); // 2 ms
    }
    for (int i = 0; i < 7; i++) {
      b.received(start + 10, start + 10 + 4_000_000); // 4 ms
    }
    a.received(start - 1, start + 1);        // a warm-up message: counted as traffic, not measured
    assertEquals(17, t.receivedMeasured());
    assertEquals(18, t.receivedAll());
    assertEquals(2, t.loss());
    assertEquals(17, t.latencyMicros().count());
    assertWithin(2_000, t.latencyMicros().percentile(0.5));
    assertEquals(4_000, t.latencyMicros().percentile(0.99)); // clamped to the largest value
    assertEquals(2, t.sendLagMicros().count());
    assertEquals(10, t.sendLagMicros().max());
    t.close();
    a.received(start, end + 99);             // after the drain: too late, stays lost
    assertEquals(2, t.loss());
    t.error("server error: rate_limited");
    t.error("server error: rate_limited");
    assertEquals(2L, t.errors().get("server error: rate_limited"));
    assertEquals(2, t.errorCount());
  }

  @Test
  @DisplayName("A payload is found inside any protocol's frame and nowhere else")
  void payloads() {
    String text = Payload.text(42, 7, 123456789012L, 100);
    assertEquals(100, text.length());
    for (String frame : new String[] {
        "{\"type\":\"event\",\"groupId\":3,\"seq\":9,\"kind\":\"message\",\"text\":\"" + text + "\"}",
        "42[\"m\",\"" + text + "\"]",
        "<message type='groupchat'><body>" + text + "</body></message>",
        text}) {
      Payload.Found found = Payload.find(frame);
      assertEquals(new Payload.Found(42, 7, 123456789012L), found, frame);
    }
    assertNull(Payload.find("{\"type\":\"ack\",\"ref\":\"3\",\"seq\":4}"));
    assertNull(Payload.find("hsb:12:x"));
    assertEquals(-5, Payload.find(Payload.text(1, 2, -5, 10)).dueNanos());
    assertNull(Payload.find("hsb:-:1:2:"));
    assertNull(Payload.find("hsb:1:2:\u0663:"));
  }

  @Test
  @DisplayName("The byte parser of received frames finds the same due time as the text parser, in any frame")
  void payloadBytesAgreeWithText() {
    String text = Payload.text(42, 7, 123456789012L, 100);
    List<String> frames = new ArrayList<>(List.of(
        "{\"type\":\"event\",\"groupId\":3,\"seq\":9,\"kind\":\"message\",\"text\":\"" + text + "\"}",
        "42[\"m\",\"" + text + "\"]",
        "<message type='groupchat'><body>" + text + "</body></message>",
        text, Payload.text(1, 2, -5, 10), Payload.text(0, 0, Long.MAX_VALUE, 100),
        "{\"type\":\"ack\",\"ref\":\"3\",\"seq\":4}", "", "h", "hsb", "hsb:", "hsb:1", "hsb:1:2:3", "hsb:1:2:3:",
        "hsb:12:x", "hsb:-:1:2:", "hsb:1:-2:-3:", "hsb:1::3:", "xxhsb:hsb:1:2:3:", "hsb:1:2:\u0663:", "40", "2",
        "\u00e9\u4e2d\ud83d\ude00 hsb:3:4:99: \u00e9", "hsb:9:9:" + "9".repeat(25) + ":"));
    SplittableRandom random = new SplittableRandom(7);
    String alphabet = "hsb:-0123456789x\u00e9";
    for (int n = 0; n < 20_000; n++) {
      StringBuilder b = new StringBuilder(random.nextInt(4) == 0 ? "" : "hsb:");
      for (int k = random.nextInt(24); k > 0; k--) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      frames.add(b.toString());
    }
    for (String frame : frames) {
      Payload.Found found = Payload.find(frame);
      long due = Payload.dueNanos(Buffer.buffer(frame));
      if (found == null) {
        assertEquals(Payload.NONE, due, frame);
      } else {
        assertEquals(found.dueNanos(), due, frame);
      }
    }
    assertEquals(-3, Payload.dueNanos(Buffer.buffer("hsb:1:-2:-3:")));
  }

  /** A client on a schedule, for the pacer. */
  static final class Paced implements Pacer.Paced {
    final int id;
    long due;
    boolean stopped;

    Paced(int id, long due) {
      this.id = id;
      this.due = due;
    }

    @Override
    public long nextDue() {
      return due;
    }

    @Override
    public void nextDue(long nanos) {
      due = nanos;
    }
  }

  @Test
  @DisplayName("One pacer per loop sends each client's messages at phase + k * interval, in due order, until the end")
  void pacer() {
    long interval = 1_000_000_000L;
    long end = 10_500_000_000L;
    Pacer<Paced> pacer = new Pacer<>(interval, end, 500_000);
    SplittableRandom random = new SplittableRandom(3);
    List<Paced> clients = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      Paced p = new Paced(i, random.nextLong(interval));
      clients.add(p);
      pacer.add(p);
    }
    pacer.start();
    Map<Integer, List<Long>> sent = new HashMap<>();
    long[] lastDue = {Long.MIN_VALUE};
    Pacer.Send<Paced> send = (c, due, now) -> {
      if (c.stopped) {
        return false;
      }
      assertTrue(due <= now + 500_000, "not sent early");
      assertTrue(due >= lastDue[0], "in due order");
      lastDue[0] = due;
      sent.computeIfAbsent(c.id, k -> new ArrayList<>()).add(due);
      return true;
    };
    long[] phases = clients.stream().mapToLong(c -> c.due).toArray();
    // Ticks every 3 ms for 4 s, then one late tick that must catch up on everything due by then.
    long now = 0;
    for (; now < 4_000_000_000L; now += 3_000_000) {
      long wait = pacer.run(now, send);
      assertTrue(wait >= 0 && wait <= interval);
    }
    clients.get(7).stopped = true;
    assertTrue(pacer.run(8_000_000_000L, send) >= 0);
    assertEquals(49, pacer.size());
    assertEquals(-1, pacer.run(20_000_000_000L, send));
    for (Paced c : clients) {
      List<Long> dues = sent.get(c.id);
      long phase = phases[c.id];
      for (int k = 0; k < dues.size(); k++) {
        assertEquals(phase + k * interval, dues.get(k));
      }
      // Every due time below the end; client 7 only those due before 4 s, when it stopped.
      long expected = c.id == 7 ? 4 : (end - phase + interval - 1) / interval;
      assertEquals(expected, dues.size(), "client " + c.id);
    }
  }

  @Test
  @DisplayName("CPU times are read from /proc stat lines whose command holds spaces and parentheses")
  void procStat() {
    String line = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 567 89 10 20 0 30 0 999 1 2";
    Proc.Stat s = Proc.parse(line);
    assertEquals(4242, s.pid());
    assertEquals(1, s.ppid());
    assertEquals(1234 + 567 + 89 + 10, s.ticks());
    long[] m = Proc.parseMachine("cpu  100 5 50 1000 7 3 2 11 0 0");
    assertEquals(155, m[0]);
    assertEquals(11, m[1]);
    assertEquals(1178, m[2]);
    assertFalse(Proc.tree(java.util.List.of(Proc.self())).isEmpty());
  }

  @Test
  @DisplayName("Holdspace keeps its default message limit at 1 message/s and gets room for 5 messages/s")
  void messageLimit() {
    assertTrue(new RunSpec(ServerKind.HOLDSPACE, 1000, 10, 1.0, 5, 20, 10, 100).holdspaceMessagesPerWindow().isEmpty());
    assertEquals(100, new RunSpec(ServerKind.HOLDSPACE, 1000, 10, 5.0, 5, 20, 10, 100).holdspaceMessagesPerWindow()
        .getAsInt());
    assertEquals(100, new RunSpec(ServerKind.WS, 995, 10, 1, 0, 1, 0, 100).rooms());
  }

  private static void assertWithin(long expected, long actual) {
    assertTrue(Math.abs(actual - expected) <= Math.max(1, expected / 64),
        "expected about " + expected + " but was " + actual);
  }

  @Test
  @DisplayName("--quick is a short sweep of Holdspace and the peers, and options after it override it")
  void quickSweep() {
    Sweep quick = Sweep.parse(new String[] {"--quick"});
    assertEquals(List.of(ServerKind.HOLDSPACE, ServerKind.WS, ServerKind.SOCKETIO), quick.servers);
    assertEquals(List.of(1000), quick.clients);
    assertEquals(List.of(0.2, 1.0), quick.rates);
    assertEquals(0, quick.options.retries);
    assertTrue(quick.warmup + quick.window + quick.drain <= 10);
    Sweep changed = Sweep.parse(new String[] {"--quick", "--servers", "ws", "--rates", "5"});
    assertEquals(List.of(ServerKind.WS), changed.servers);
    assertEquals(List.of(5.0), changed.rates);
    assertEquals(5, changed.window);
  }

  @Test
  @DisplayName("Idle memory per connection is the growth while connecting over the clients connected")
  void idleMemoryPerConnection() {
    assertEquals(18.5, LoadRun.idleKbPerConnection(300_000, 485_000, 10_000));
    assertEquals(0.0, LoadRun.idleKbPerConnection(300_000, 290_000, 10_000), "a shrinking server costs nothing");
    assertEquals(0.0, LoadRun.idleKbPerConnection(300_000, 400_000, 0), "no client connected");
  }
}
