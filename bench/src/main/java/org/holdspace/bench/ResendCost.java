package org.holdspace.bench;

import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a resent {@code clientId} costs Holdspace against a fresh message, in server CPU (the Java process and its
 * embedded PostgreSQL, from /proc), so that the answer does not depend on a quiet machine. One room of members
 * takes turns: each round sends N fresh messages at a steady rate, waits for every ack and every delivery, then
 * sends the same N clientIds again (a reconnecting client resending what it never saw acknowledged) and waits for
 * their acks. Then the server restarts and the rounds run again, each resending the clientIds of one round stored
 * before the restart, which the node's cache of recent clientIds no longer knows (a reconnect storm after a node
 * restart). Each resend must be answered with its message's seq; the server's log lines written during the resend
 * phases are counted. Usage: {@code ResendCost [rounds] [messages] [messages/s]}.
 */
public final class ResendCost {
  private static final int MEMBERS = 10;

  private final Map<String, Long> seqs = new ConcurrentHashMap<>();
  private final AtomicLong acks = new AtomicLong();
  private final AtomicLong events = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong wrongSeqs = new AtomicLong();
  private volatile boolean resending;

  private ResendCost() {
  }

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int messages = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    double rate = args.length > 2 ? Double.parseDouble(args[2]) : 500;
    new ResendCost().run(rounds, messages, rate);
  }

  private void run(int rounds, int messages, double rate) throws Exception {
    Options options = new Options();
    // The per-member limit is raised (as bench/run does for high rates) so that no frame of either phase is refused.
    RunSpec spec = new RunSpec(ServerKind.HOLDSPACE, MEMBERS, MEMBERS, 500, 0, 0, 0, 100);
    Path work = Files.createTempDirectory("holdspace-resend-");
    try (ServerProcess server = ServerProcess.start(ServerKind.HOLDSPACE, options, spec, work)) {
      HoldspaceSetup.Accounts accounts = new HoldspaceSetup(server.port).prepare(spec, 4);
      long groupId = accounts.groups()[0];
      List<WebSocket> sockets = new ArrayList<>();
      for (int i = 0; i < MEMBERS; i++) {
        sockets.add(connect(server.port, accounts.tokens()[i], groupId));
      }
      Path log = server.dir.resolve("server.log");
      System.out.println("Resends the node still knows (sent again before it restarted):");
      List<Double> known = rounds(server, sockets, groupId, rounds, messages, rate, log, "k", "k");
      for (WebSocket ws : sockets) {
        ws.abort();
      }
      server.restart();
      sockets.clear();
      for (int i = 0; i < MEMBERS; i++) {
        sockets.add(connect(server.port, accounts.tokens()[i], groupId));
      }
      System.out.println("Resends after a restart (stored before it, so the node's cache does not know them):");
      List<Double> unknown = rounds(server, sockets, groupId, rounds, messages, rate, log, "a", "k");
      System.out.printf("median resend/fresh: %s while the node knows them, %s after a restart; errors %d, "
          + "wrong seqs %d%n", median(known), median(unknown), errors.get(), wrongSeqs.get());
      for (WebSocket ws : sockets) {
        ws.abort();
      }
    }
  }

  /**
   * A warm-up round and then the measured ones, each N fresh messages (clientIds {@code freshPrefix<round>-i}) and
   * the resend of {@code resendPrefix<round>-i}; answers each measured round's resend/fresh CPU ratio.
   */
  private List<Double> rounds(ServerProcess server, List<WebSocket> sockets, long groupId, int rounds, int messages,
                              double rate, Path log, String freshPrefix, String resendPrefix) throws Exception {
    String text = "x".repeat(100);
    System.out.printf("round | fresh CPU ms/msg | resend CPU ms/msg | resend/fresh | log lines during resends%n");
    List<Double> ratios = new ArrayList<>();
    for (int round = 0; round <= rounds; round++) {
      long freshTicks = phase(server, sockets, groupId, freshPrefix + round, messages, rate, text, false);
      long linesBefore = lines(log);
      long resendTicks = phase(server, sockets, groupId, (round == 0 ? freshPrefix : resendPrefix) + round, messages,
          rate, text, true);
      long newLines = lines(log) - linesBefore;
      double ratio = resendTicks / (double) Math.max(1, freshTicks);
      System.out.printf("%s | %.3f | %.3f | %.2f | %d%n", round == 0 ? "warm-up" : Integer.toString(round),
          ms(freshTicks, messages), ms(resendTicks, messages), ratio, newLines);
      if (round > 0) {
        ratios.add(ratio);
      }
    }
    return ratios;
  }

  private static String median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return String.format("%.2f (min %.2f, max %.2f, %d rounds)", sorted[sorted.length / 2], sorted[0],
        sorted[sorted.length - 1], sorted.length);
  }

  /** Sends the round's N messages (or resends them) at the rate and answers the server's CPU ticks meanwhile. */
  private long phase(ServerProcess server, List<WebSocket> sockets, long groupId, String prefix, int messages,
                     double rate, String text, boolean resend) throws Exception {
    resending = resend;
    long acksWanted = acks.get() + messages;
    long eventsWanted = events.get() + (resend ? 0 : (long) messages * MEMBERS);
    long ticks = Proc.treeTicks(server.roots());
    long start = System.nanoTime();
    long interval = (long) (1e9 / rate);
    for (int i = 0; i < messages; i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      String clientId = prefix + "-" + i;
      sockets.get(i % MEMBERS).sendText(new JsonObject().put("type", "say").put("groupId", groupId)
          .put("text", text).put("clientId", clientId).put("ref", clientId).encode(), true).join();
    }
    long deadline = System.nanoTime() + 60_000_000_000L;
    while ((acks.get() < acksWanted || events.get() < eventsWanted) && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    if (acks.get() < acksWanted || events.get() < eventsWanted) {
      throw new IllegalStateException("missing answers: acks " + acks.get() + "/" + acksWanted + ", events "
          + events.get() + "/" + eventsWanted);
    }
    Thread.sleep(300);
    return Proc.treeTicks(server.roots()) - ticks;
  }

  private static double ms(long ticks, int messages) {
    return ticks * 1000.0 / Proc.HZ / messages;
  }

  private static long lines(Path log) throws java.io.IOException {
    try (var stream = Files.lines(log)) {
      return stream.count();
    }
  }

  private WebSocket connect(int port, String token, long groupId) throws Exception {
    CompletableFuture<Void> welcome = new CompletableFuture<>();
    CompletableFuture<Void> joined = new CompletableFuture<>();
    WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new WebSocket.Listener() {
          private final StringBuilder parts = new StringBuilder();

          @Override
          public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            parts.append(data);
            if (last) {
              frame(new JsonObject(parts.toString()), welcome, joined);
              parts.setLength(0);
            }
            socket.request(1);
            return null;
          }
        }).join();
    ws.sendText(new JsonObject().put("type", "hello").put("token", token).encode(), true).join();
    // One send at a time per socket: the join goes from here once the hello's send is done and welcomed.
    welcome.get(30, java.util.concurrent.TimeUnit.SECONDS);
    ws.sendText(new JsonObject().put("type", "join").put("groupId", groupId).encode(), true).join();
    joined.get(30, java.util.concurrent.TimeUnit.SECONDS);
    return ws;
  }

  private void frame(JsonObject frame, CompletableFuture<Void> welcome, CompletableFuture<Void> joined) {
    switch (frame.getString("type", "")) {
      case "welcome" -> welcome.complete(null);
      case "joined" -> joined.complete(null);
      case "event" -> events.incrementAndGet();
      case "ack" -> {
        String clientId = frame.getString("ref");
        Long seq = frame.getLong("seq");
        if (clientId != null) {
          Long first = resending ? seqs.get(clientId) : seqs.put(clientId, seq);
          if (resending ? !seq.equals(first) : first != null) {
            wrongSeqs.incrementAndGet();
          }
          acks.incrementAndGet();
        }
      }
      case "error" -> {
        errors.incrementAndGet();
        System.err.println("error: " + frame.encode());
        acks.incrementAndGet();
      }
      default -> {
      }
    }
  }
}
