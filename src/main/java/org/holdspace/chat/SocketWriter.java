package org.holdspace.chat;

import io.netty.handler.flush.FlushConsolidationHandler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import io.vertx.core.net.impl.ConnectionBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;

/**
 * Back-pressure for one socket. A client that stops reading fills the write queue; what is written past that point
 * is counted, and the socket is closed once that backlog passes {@link #MAX_BACKLOG_BYTES} or the queue has stayed
 * full for {@link #SLOW_READER_LIMIT_MS}, so a slow reader holds a bounded amount of memory and never slows the
 * others. It can resume with {@code after} from the last seq it saw.
 */
final class SocketWriter {
  private static final Logger LOG = LoggerFactory.getLogger(SocketWriter.class);
  /** Bytes a socket may have waiting beyond a full write queue before it is closed. */
  static final long MAX_BACKLOG_BYTES = 1024 * 1024;
  private static final long SLOW_READER_LIMIT_MS = 15_000;
  /** Flushes a socket's writes may wait for, before one is made anyway. */
  private static final int FLUSH_AT_LEAST_EVERY = 64;
  /** Frames up to this size are written whole from their bytes; a larger one is split by Vert.x (rare). */
  private static final int WHOLE_FRAME_BYTES = 64 * 1024;

  private final Vertx vertx;
  private final ServerWebSocket ws;
  private final Runnable onDrop;
  private long slowSince;
  private long backlogBytes;
  private boolean stopped;

  /** {@code onDrop} runs once when the writer gives up on a slow reader. */
  SocketWriter(Vertx vertx, ServerWebSocket ws, Runnable onDrop) {
    this.vertx = vertx;
    this.ws = ws;
    this.onDrop = onDrop;
  }

  /**
   * The frames written to the socket in one turn of its event loop (an ack and the sender's own event, the events
   * of one stored batch) leave in one system call: each flush waits until the turn's other tasks have run.
   */
  static void consolidateFlushes(HttpConnection upgraded) {
    if (upgraded instanceof ConnectionBase connection) {
      connection.channel().pipeline().addFirst(new FlushConsolidationHandler(FLUSH_AT_LEAST_EVERY, true));
    }
  }

  /** Writes an encoded frame, unless the socket is closed or being dropped. */
  void write(String text) {
    write(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes a frame already encoded as UTF-8, unless the socket is closed or being dropped. The bytes are only read,
   * so one array can serve every socket an event goes to.
   */
  void write(byte[] utf8) {
    if (stopped || ws.isClosed()) {
      return;
    }
    if (ws.writeQueueFull()) {
      if (slowSince == 0) {
        slowSince = System.currentTimeMillis();
        long episode = slowSince;
        ws.drainHandler(v -> {
          slowSince = 0;
          backlogBytes = 0;
        });
        vertx.setTimer(SLOW_READER_LIMIT_MS, id -> {
          if (slowSince == episode) {
            drop();
          }
        });
      }
      backlogBytes += utf8.length;
      if (backlogBytes > MAX_BACKLOG_BYTES) {
        drop();
        return;
      }
    }
    if (utf8.length <= WHOLE_FRAME_BYTES) {
      ws.writeFrame(new WebSocketFrameImpl(WebSocketFrameType.TEXT, utf8, true));
    } else {
      ws.writeTextMessage(new String(utf8, StandardCharsets.UTF_8));
    }
  }

  /** Writes nothing more (the socket closed). */
  void stop() {
    stopped = true;
  }

  private void drop() {
    if (stopped) {
      return;
    }
    stopped = true;
    LOG.info("Closing a socket whose client stopped reading ({} bytes waiting)", backlogBytes);
    ws.close((short) 1008, "client too slow to read");
    // The close frame waits behind everything queued and the connection goes only after the closing timeout:
    // leave the rooms and release the subscriptions now.
    onDrop.run();
  }
}
