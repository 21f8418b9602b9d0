package org.holdspace.security;

import io.vertx.core.json.JsonObject;
import org.holdspace.support.ChatClient;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No frame costs more than its limit to read: compression is not negotiated, so a deflate bomb is never inflated, and
 * a frame over 256 KiB is refused from its header with 1009, before and after hello, while other sockets stay fast.
 */
@ExtendWith(TestServerExtension.class)
@DisplayName("The cost of reading a frame")
class FrameCostTest {
  private static final int BIG = 30 * 1024 * 1024;
  static TestServer server;

  @Test
  @DisplayName("negotiates no compression, and a compressed 30 MB frame closes its socket while others stay fast")
  void deflateBomb() throws Exception {
    TestServer.Account member = server.newAccount("member", "Quick");
    try (ChatClient other = server.connect(member); RawWebSocket bomb = new RawWebSocket(server.port())) {
      assertTrue(bomb.handshake.startsWith("HTTP/1.1 101"), bomb.handshake);
      assertFalse(bomb.handshake.toLowerCase(Locale.ROOT).contains("sec-websocket-extensions"), bomb.handshake);
      CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
        try {
          bomb.writeDeflateBomb(BIG);
        } catch (java.io.IOException e) {
          // the server may close before the whole frame is written
        }
      });
      long slowest = slowestRoundTrip(other, 20);
      int status = bomb.awaitCloseStatus();
      sent.get(30, TimeUnit.SECONDS);
      assertTrue(status == 1002 || status == 1009, "closed with " + status);
      assertTrue(slowest < 100, "another socket's slowest round trip was " + slowest + " ms");
    }
  }

  @Test
  @DisplayName("closes with 1009 a frame over 256 KiB from its header alone, before and after hello")
  void tooLargeFrames() throws Exception {
    TestServer.Account member = server.newAccount("member", "Large");
    try (ChatClient other = server.connect(member)) {
      for (boolean signedIn : new boolean[] {false, true}) {
        try (RawWebSocket raw = new RawWebSocket(server.port())) {
          if (signedIn) {
            raw.writeText(new JsonObject().put("type", "hello").put("token", member.token()).encode());
            assertTrue(raw.readFrame().contains("welcome"));
          }
          raw.writeHeader(BIG, false);
          raw.write(new byte[1024]);
          long started = System.nanoTime();
          assertEquals(1009, raw.awaitCloseStatus(), signedIn ? "after hello" : "before hello");
          assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) < 5000);
        }
      }
      assertTrue(slowestRoundTrip(other, 5) < 100);
    }
  }

  /** The slowest of {@code count} answered frames on the socket, in milliseconds. */
  private static long slowestRoundTrip(ChatClient client, int count) {
    long slowest = 0;
    for (int i = 0; i < count; i++) {
      long started = System.nanoTime();
      assertThrows(Exception.class, () -> client.request(new JsonObject().put("type", "leave").put("groupId", 1))
          .await());
      slowest = Math.max(slowest, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }
    return slowest;
  }
}
