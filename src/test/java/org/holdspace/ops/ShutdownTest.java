package org.holdspace.ops;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.holdspace.support.ChatClient;
import org.holdspace.support.LiveGroup;
import org.holdspace.support.ProcessNode;
import org.holdspace.support.TestDatabase;
import org.holdspace.support.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.holdspace.support.ChatClient.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node in its own process, sent SIGTERM while its sockets keep sending: each socket gets its goodbye and a 1012
 * close, the process exits within {@code shutdownGraceSeconds}, and every message it acknowledged is in the store.
 */
@DisplayName("A node sent SIGTERM")
class ShutdownTest {
  private static final int GRACE_SECONDS = 10;
  private static final int SOCKETS_PER_PERSON = 3;
  private static final int IN_FLIGHT_PER_SOCKET = 4;
  private static volatile long termAt = Long.MAX_VALUE;

  @Test
  @DisplayName("says goodbye, closes with 1012, exits within the grace and loses nothing it acknowledged")
  void sigterm() throws Exception {
    var database = TestDatabase.fresh();
    Map<String, Object> keys = Map.of("messagesPerWindow", 10_000, "shutdownGraceSeconds", GRACE_SECONDS,
        "logFormat", "json");
    try (TestServer server = TestServer.start(database, keys);
         LiveGroup group = LiveGroup.of("Dr. Term", "Ana", "Ben", "Cy").started().open(server);
         ProcessNode node = ProcessNode.start(TestServer.keys(database, keys), seconds(90))) {
      List<TestServer.Account> people = new ArrayList<>(group.members());
      people.add(group.facilitator());
      List<ChatClient> sockets = new ArrayList<>();
      for (TestServer.Account person : people) {
        for (int i = 0; i < SOCKETS_PER_PERSON; i++) {
          ChatClient socket = server.connect(person, node.port());
          socket.join(group.id(), null).await();
          sockets.add(socket);
        }
      }
      Map<String, Long> acked = new ConcurrentHashMap<>();
      AtomicInteger ackedAfterTerm = new AtomicInteger();
      List<Thread> senders = new ArrayList<>();
      for (int s = 0; s < sockets.size(); s++) {
        ChatClient socket = sockets.get(s);
        String prefix = "s" + s + "-";
        // A few messages in flight per socket at any time, as from people typing fast.
        Semaphore window = new Semaphore(IN_FLIGHT_PER_SOCKET);
        Thread sender = new Thread(() -> {
          for (int i = 0; !socket.isClosed() && i < 100_000; i++) {
            String clientId = prefix + i;
            if (!acquire(window)) {
              continue;
            }
            socket.say(group.id(), "message " + clientId, clientId).onComplete(ar -> {
              window.release();
              if (ar.succeeded()) {
                acked.put(clientId, ar.result());
                if (System.nanoTime() > termAt) {
                  ackedAfterTerm.incrementAndGet();
                }
              }
            });
          }
        });
        sender.start();
        senders.add(sender);
      }
      long until = System.currentTimeMillis() + 30_000;
      while (acked.size() < 200 && System.currentTimeMillis() < until) {
        sleep(10);
      }
      termAt = System.nanoTime();
      Duration exit = node.terminate(seconds(GRACE_SECONDS + 20));
      for (Thread sender : senders) {
        sender.join(10_000);
      }

      for (ChatClient socket : sockets) {
        JsonObject goodbye = socket.await(f -> "goodbye".equals(f.getString("type")), seconds(5));
        assertEquals("shutdown", goodbye.getString("reason"));
        assertEquals((short) 1012, socket.awaitClose(seconds(5)));
        List<JsonObject> frames = socket.received();
        assertEquals(goodbye, frames.get(frames.size() - 1), "the goodbye is the last frame");
      }
      assertTrue(exit.toMillis() < GRACE_SECONDS * 1000L, "exited after " + exit.toMillis() + " ms");

      Map<String, Long> stored = storedMessages(server, group);
      assertTrue(acked.size() > 50, "messages were acknowledged before the shutdown: " + acked.size());
      acked.forEach((clientId, seq) -> assertEquals(seq, stored.get(clientId),
          "acknowledged message " + clientId + " is stored with its seq"));
      System.out.printf("SIGTERM with %d open sockets sending: exit after %d ms; %d messages acknowledged, %d of "
          + "them after the SIGTERM, all stored%n", sockets.size(), exit.toMillis(), acked.size(), ackedAfterTerm.get());

      List<String> lines = node.output();
      for (String line : lines) {
        JsonObject json = new JsonObject(line);
        for (String field : List.of("time", "level", "logger", "message")) {
          assertTrue(json.containsKey(field), field + " in " + line);
        }
      }
      assertTrue(lines.stream().anyMatch(l -> l.contains("Holdspace stopped in")), "the stop was logged: " + lines);
      sockets.forEach(ChatClient::close);
    }
  }

  /** The group's stored messages by clientId, read through the other node's history. */
  private static Map<String, Long> storedMessages(TestServer server, LiveGroup group) {
    Map<String, Long> stored = new HashMap<>();
    long after = 0;
    while (true) {
      JsonArray events = TestServer.expect(server.get("/api/groups/" + group.id() + "/events?limit=1000&after="
          + after, group.facilitator().token()), 200).getJsonArray("events");
      if (events.isEmpty()) {
        return stored;
      }
      for (Object item : events) {
        JsonObject event = (JsonObject) item;
        after = event.getLong("seq");
        if (event.getString("clientId") != null) {
          stored.put(event.getString("clientId"), after);
        }
      }
    }
  }

  private static boolean acquire(Semaphore window) {
    try {
      return window.tryAcquire(100, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
