package org.holdspace.bench;

import io.vertx.core.buffer.Buffer;

/**
 * The text every benchmark message carries: {@code hsb:<sender>:<seq>:<nanos>:} and padding to a fixed length.
 * {@code nanos} is the generator's {@link System#nanoTime()} of the moment the message was due (open loop), so a
 * receiver in the same process gets end-to-end latency without a clock sync. The text holds only characters that
 * need no escaping in JSON or XML, so it can be found in any protocol's frame without parsing the frame.
 */
public final class Payload {
  static final String MARK = "hsb:";
  private static final String PAD = "x".repeat(256);

  private Payload() {
  }

  /** The message text, padded with 'x' to {@code length} characters when shorter. */
  public static String text(int sender, long seq, long dueNanos, int length) {
    String head = MARK + sender + ':' + seq + ':' + dueNanos + ':';
    int pad = Math.max(0, Math.min(PAD.length(), length - head.length()));
    return pad == 0 ? head : head + PAD.substring(0, pad);
  }

  /** A payload found in a frame. */
  public record Found(int sender, long seq, long dueNanos) {
  }

  /**
   * The payload inside a frame of any protocol, or null when it carries none: the first {@code hsb:} followed by
   * three fields, each an optional '-' and at least one ASCII digit, each ended by ':'.
   */
  public static Found find(String frame) {
    int at = frame.indexOf(MARK);
    if (at < 0) {
      return null;
    }
    int i = at + MARK.length();
    long[] fields = new long[3];
    for (int f = 0; f < 3; f++) {
      long value = 0;
      boolean negative = i < frame.length() && frame.charAt(i) == '-';
      if (negative) {
        i++;
      }
      int digits = i;
      while (i < frame.length() && isDigit(frame.charAt(i))) {
        value = value * 10 + (frame.charAt(i) - '0');
        i++;
      }
      if (i == digits || i >= frame.length() || frame.charAt(i) != ':') {
        return null;
      }
      fields[f] = negative ? -value : value;
      i++;
    }
    return new Found((int) fields[0], fields[1], fields[2]);
  }

  /** What {@link #dueNanos(Buffer)} answers for a frame without a payload (no real due time is that far back). */
  static final long NONE = Long.MIN_VALUE;

  /**
   * The due time of the payload in a frame's UTF-8 bytes, by the same rule as {@link #find(String)}, or
   * {@link #NONE}: the receive path's parser, which builds no String and allocates nothing. The mark and the
   * fields are ASCII, and no byte of a multi-byte UTF-8 character is, so the first mark in the bytes is the first
   * in the text.
   */
  static long dueNanos(Buffer frame) {
    int n = frame.length();
    int i = indexOfMark(frame, n);
    if (i < 0) {
      return NONE;
    }
    i += MARK.length();
    long value = 0;
    for (int f = 0; f < 3; f++) {
      value = 0;
      boolean negative = i < n && frame.getByte(i) == '-';
      if (negative) {
        i++;
      }
      int digits = i;
      byte b;
      while (i < n && (b = frame.getByte(i)) >= '0' && b <= '9') {
        value = value * 10 + (b - '0');
        i++;
      }
      if (i == digits || i >= n || frame.getByte(i) != ':') {
        return NONE;
      }
      if (negative) {
        value = -value;
      }
      i++;
    }
    return value == NONE ? NONE + 1 : value;
  }

  private static int indexOfMark(Buffer frame, int n) {
    for (int i = 0, last = n - MARK.length(); i <= last; i++) {
      if (frame.getByte(i) == 'h' && frame.getByte(i + 1) == 's' && frame.getByte(i + 2) == 'b'
          && frame.getByte(i + 3) == ':') {
        return i;
      }
    }
    return -1;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
