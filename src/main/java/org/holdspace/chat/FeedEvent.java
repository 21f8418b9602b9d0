package org.holdspace.chat;

import io.vertx.core.json.JsonObject;
import org.holdspace.grouplog.LoggedEvent;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A stored event on its way to the sockets of one event loop: its frame's UTF-8 is shared by all of them (and by the
 * node's other event loops, see {@link LoggedEvent}), and its storage time read once for the delivery meter.
 */
final class FeedEvent {
  /** The events of one stored batch share their time: each event loop parses it once. */
  private static final ThreadLocal<LastParsed> LAST_PARSED = ThreadLocal.withInitial(LastParsed::new);

  final long seq;
  final JsonObject frame;
  private final LoggedEvent logged;
  private long storedAtMillis = -1;

  FeedEvent(LoggedEvent logged) {
    this.logged = logged;
    this.frame = logged.frame();
    this.seq = frame.getLong("seq");
  }

  /** The frame as UTF-8, shared by every socket it is written to. */
  byte[] utf8() {
    return logged.utf8();
  }

  /** When the event was stored, in epoch milliseconds, or 0 when its frame has no valid time. */
  long storedAtMillis() {
    if (storedAtMillis < 0) {
      String at = frame.getString("at");
      storedAtMillis = at == null ? 0 : LAST_PARSED.get().millis(at);
    }
    return storedAtMillis;
  }

  private static final class LastParsed {
    private String at;
    private long millis;

    long millis(String time) {
      if (!time.equals(at)) {
        try {
          millis = Instant.parse(time).toEpochMilli();
        } catch (DateTimeParseException e) {
          millis = 0;
        }
        at = time;
      }
      return millis;
    }
  }
}
