package org.holdspace.security;

import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Connections that say nothing are closed (here with a short timeout). */
@DisplayName("HTTP connection timeouts")
class HttpTimeoutsTest {
  @RegisterExtension
  static final TestServerExtension SERVER = TestServerExtension.with(Map.of("httpIdleTimeoutSeconds", 1));
  static TestServer server;

  @Test
  @DisplayName("closes a connection idle longer than httpIdleTimeoutSeconds, also after an answer")
  void idle() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      long started = System.nanoTime();
      assertTrue(readUntilClosed(socket.getInputStream()).isEmpty());
      long ms = (System.nanoTime() - started) / 1_000_000;
      assertTrue(ms < 2900, "closed after " + ms + " ms");
    }
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      String answer = readUntilClosed(socket.getInputStream());
      assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
    }
  }

  private static String readUntilClosed(InputStream in) throws IOException {
    StringBuilder read = new StringBuilder();
    int b;
    while ((b = in.read()) >= 0) {
      read.append((char) b);
    }
    return read.toString();
  }
}
