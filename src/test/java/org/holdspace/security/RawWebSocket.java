package org.holdspace.security;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.Deflater;

/** A WebSocket client on a plain socket, to send frames no well-behaved client library would. */
final class RawWebSocket implements AutoCloseable {
  private final Socket socket;
  private final OutputStream out;
  private final DataInputStream in;
  final String handshake;

  /** Opens {@code /ws}, asking for permessage-deflate, and reads the handshake's answer. */
  RawWebSocket(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(10_000);
    out = socket.getOutputStream();
    in = new DataInputStream(socket.getInputStream());
    String key = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n"
        + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    handshake = readHead(in);
  }

  static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  /** The header of a masked text frame of {@code length} bytes, with RSV1 (compressed) when asked. */
  void writeHeader(long length, boolean compressed) throws IOException {
    out.write((compressed ? 0xC1 : 0x81));
    if (length < 126) {
      out.write(0x80 | (int) length);
    } else if (length < 65536) {
      out.write(0x80 | 126);
      out.write((int) (length >>> 8) & 0xFF);
      out.write((int) length & 0xFF);
    } else {
      out.write(0x80 | 127);
      for (int i = 7; i >= 0; i--) {
        out.write((int) (length >>> (8 * i)) & 0xFF);
      }
    }
    out.write(new byte[4]); // a zero mask leaves the payload as it is
  }

  /** A compressed text frame whose payload inflates to {@code inflated} bytes of 'a'. */
  void writeDeflateBomb(int inflated) throws IOException {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    byte[] chunk = new byte[1 << 20];
    java.util.Arrays.fill(chunk, (byte) 'a');
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    for (int left = inflated; left > 0; left -= chunk.length) {
      deflater.setInput(chunk, 0, Math.min(chunk.length, left));
      int n;
      while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.NO_FLUSH)) > 0) {
        compressed.write(buffer, 0, n);
      }
    }
    int n;
    while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0) {
      compressed.write(buffer, 0, n);
    }
    byte[] payload = compressed.toByteArray();
    // permessage-deflate drops the final 00 00 ff ff of the flush
    writeHeader(payload.length - 4, true);
    out.write(payload, 0, payload.length - 4);
    out.flush();
  }

  /** A whole masked text frame. */
  void writeText(String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    writeHeader(bytes.length, false);
    write(bytes);
  }

  void write(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** The payload of the next frame, as text. */
  String readFrame() throws IOException {
    in.readUnsignedByte();
    long length = in.readUnsignedByte() & 0x7F;
    if (length == 126) {
      length = in.readUnsignedShort();
    } else if (length == 127) {
      length = in.readLong();
    }
    byte[] payload = new byte[(int) length];
    in.readFully(payload);
    return new String(payload, StandardCharsets.UTF_8);
  }

  /** The status of the close frame the server sends, skipping other frames; -1 when the connection just ends. */
  int awaitCloseStatus() throws IOException {
    while (true) {
      int first = in.read();
      if (first < 0) {
        return -1;
      }
      int second = in.readUnsignedByte();
      long length = second & 0x7F;
      if (length == 126) {
        length = in.readUnsignedShort();
      } else if (length == 127) {
        length = in.readLong();
      }
      byte[] payload = new byte[(int) length];
      in.readFully(payload);
      if ((first & 0x0F) == 0x8) {
        return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
