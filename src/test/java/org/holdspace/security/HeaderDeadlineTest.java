package org.holdspace.security;

import org.holdspace.support.ChatClient;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A client slower than httpHeaderTimeoutSeconds to send a request's head is closed, though never idle. */
@DisplayName("HTTP header deadline")
class HeaderDeadlineTest {
  @RegisterExtension
  static final TestServerExtension SERVER = TestServerExtension.with(Map.of("httpIdleTimeoutSeconds", 60,
      "httpHeaderTimeoutSeconds", 1));
  static TestServer server;

  /** Sends {@code head} then one byte of a header every 200 ms; answers after how many ms the server closed. */
  private static long trickle(Socket socket, String head) throws IOException {
    socket.setSoTimeout(200);
    OutputStream out = socket.getOutputStream();
    InputStream in = socket.getInputStream();
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    long started = System.nanoTime();
    while (System.nanoTime() - started < 8_000_000_000L) {
      try {
        out.write('X');
        out.flush();
        if (in.read() < 0) {
          break;
        }
      } catch (SocketTimeoutException stillOpen) {
        continue;
      } catch (IOException closed) {
        break;
      }
    }
    return (System.nanoTime() - started) / 1_000_000;
  }

  @Test
  @DisplayName("a client trickling its first request's headers is closed after the deadline")
  void slowFirstHead() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      long ms = trickle(socket, "GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ");
      assertTrue(ms < 2500, "closed after " + ms + " ms");
    }
  }

  @Test
  @DisplayName("after a quick request, the next head has the same deadline; quick requests go on being served")
  void slowNextHead() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      for (int i = 0; i < 3; i++) {
        out.write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertTrue(readAnswer(socket.getInputStream()).startsWith("HTTP/1.1 200"));
        sleep(600);
      }
      long ms = trickle(socket, "GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ");
      assertTrue(ms < 2500, "closed after " + ms + " ms");
    }
  }

  @Test
  @DisplayName("a WebSocket lives past the deadline")
  void webSocketUnaffected() {
    TestServer.Account member = server.newAccount("member", "Tove");
    ChatClient client = server.connect(member);
    sleep(2500);
    assertFalse(client.isClosed());
    client.close();
  }

  /** Reads one answer with a Content-Length body. */
  private static String readAnswer(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed after " + head);
      }
      head.append((char) b);
    }
    int length = 0;
    for (String line : head.toString().split("\r\n")) {
      if (line.toLowerCase().startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    in.readNBytes(length);
    return head.toString();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
