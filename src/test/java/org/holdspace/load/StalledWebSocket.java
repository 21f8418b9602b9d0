package org.holdspace.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A WebSocket client that sends frames and then never reads again, with a small receive buffer, so that the
 * server's writes to it back up the way they do for a client on a stalled network or a frozen tab.
 */
final class StalledWebSocket implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Socket socket;
  private final OutputStream out;

  private StalledWebSocket(Socket socket) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
  }

  static StalledWebSocket open(int port) {
    try {
      Socket socket = new Socket();
      socket.setReceiveBufferSize(4096);
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      socket.setSoTimeout(5000);
      byte[] key = new byte[16];
      RANDOM.nextBytes(key);
      String request = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
          + "Connection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n"
          + "Sec-WebSocket-Version: 13\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("closed during the handshake: " + head);
        }
        head.append((char) b);
      }
      if (!head.toString().startsWith("HTTP/1.1 101")) {
        throw new IOException("no upgrade: " + head);
      }
      return new StalledWebSocket(socket);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends one masked text frame, as a client must. */
  void send(String text) {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    byte[] mask = new byte[4];
    RANDOM.nextBytes(mask);
    try {
      out.write(0x81);
      if (payload.length < 126) {
        out.write(0x80 | payload.length);
      } else if (payload.length < 65536) {
        out.write(0x80 | 126);
        out.write(payload.length >>> 8);
        out.write(payload.length & 0xff);
      } else {
        out.write(0x80 | 127);
        for (int shift = 56; shift >= 0; shift -= 8) {
          out.write((int) ((long) payload.length >>> shift) & 0xff);
        }
      }
      out.write(mask);
      byte[] masked = new byte[payload.length];
      for (int i = 0; i < payload.length; i++) {
        masked[i] = (byte) (payload[i] ^ mask[i % 4]);
      }
      out.write(masked);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads what the server had queued until it ends the connection; true when that happens within the time. */
  boolean drainUntilClosed(long millis) throws IOException {
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[64 * 1024];
    long deadline = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < deadline) {
      try {
        if (in.read(buffer) < 0) {
          return true;
        }
      } catch (java.net.SocketTimeoutException e) {
        // nothing yet; keep waiting
      } catch (java.net.SocketException e) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
