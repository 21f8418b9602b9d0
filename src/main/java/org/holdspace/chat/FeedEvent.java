package org.holdspace.chat;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A stored event on its way to the sockets of one event loop: its frame is encoded once for all of them, and its
 * storage time read once for the delivery meter.
 */
final class FeedEvent {
  final long seq;
  final JsonObject frame;
  private String text;
  private long storedAtMillis = -1;

  FeedEvent(JsonObject frame) {
    this.frame = frame;
    this.seq = frame.getLong("seq");
  }

  String text() {
    if (text == null) {
      text = frame.encode();
    }
    return text;
  }

  /** When the event was stored, in epoch milliseconds, or 0 when its frame has no valid time. */
  long storedAtMillis() {
    if (storedAtMillis < 0) {
      try {
        String at = frame.getString("at");
        storedAtMillis = at == null ? 0 : Instant.parse(at).toEpochMilli();
      } catch (DateTimeParseException e) {
        storedAtMillis = 0;
      }
    }
    return storedAtMillis;
  }
}
