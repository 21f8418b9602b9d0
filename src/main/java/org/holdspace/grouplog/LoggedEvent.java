package org.holdspace.grouplog;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonObject;

/**
 * A stored event's frame as the event bus carries it: never changed once published, so every event loop of a node
 * reads the same frame (no copy per consumer) and writes the same UTF-8 bytes, encoded once per node. Between nodes
 * it travels as those bytes.
 */
public final class LoggedEvent {
  private final JsonObject frame;
  private volatile byte[] utf8;

  private LoggedEvent(JsonObject frame, byte[] utf8) {
    this.frame = frame;
    this.utf8 = utf8;
  }

  /** The event of a frame read from the store or just written; the frame must not change afterwards. */
  public static LoggedEvent of(JsonObject frame) {
    return new LoggedEvent(frame, null);
  }

  public JsonObject frame() {
    return frame;
  }

  /** The frame as UTF-8, encoded on first use; the array is shared and must not be changed. */
  public byte[] utf8() {
    byte[] bytes = utf8;
    if (bytes == null) {
      bytes = frame.toBuffer().getBytes();
      utf8 = bytes;
    }
    return bytes;
  }

  /** Lets the event bus carry these events: handed over as they are on a node, as their UTF-8 between nodes. */
  static void registerOn(EventBus bus) {
    bus.registerDefaultCodec(LoggedEvent.class, new Codec());
  }

  private static final class Codec implements MessageCodec<LoggedEvent, LoggedEvent> {
    @Override
    public void encodeToWire(Buffer buffer, LoggedEvent event) {
      byte[] bytes = event.utf8();
      buffer.appendInt(bytes.length).appendBytes(bytes);
    }

    @Override
    public LoggedEvent decodeFromWire(int pos, Buffer buffer) {
      int length = buffer.getInt(pos);
      byte[] bytes = buffer.getBytes(pos + 4, pos + 4 + length);
      return new LoggedEvent(new JsonObject(Buffer.buffer(bytes)), bytes);
    }

    @Override
    public LoggedEvent transform(LoggedEvent event) {
      return event;
    }

    @Override
    public String name() {
      return "holdspace-logged-event";
    }

    @Override
    public byte systemCodecID() {
      return -1;
    }
  }
}
