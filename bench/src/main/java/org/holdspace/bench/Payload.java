package org.holdspace.bench;

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

  /** The payload inside a frame of any protocol, or null when it carries none. */
  public static Found find(String frame) {
    int at = frame.indexOf(MARK);
    if (at < 0) {
      return null;
    }
    int i = at + MARK.length();
    long[] fields = new long[3];
    for (int f = 0; f < 3; f++) {
      long value = 0;
      int start = i;
      boolean negative = i < frame.length() && frame.charAt(i) == '-';
      if (negative) {
        i++;
      }
      while (i < frame.length() && Character.isDigit(frame.charAt(i))) {
        value = value * 10 + (frame.charAt(i) - '0');
        i++;
      }
      if (i == start || i >= frame.length() || frame.charAt(i) != ':') {
        return null;
      }
      fields[f] = negative ? -value : value;
      i++;
    }
    return new Found((int) fields[0], fields[1], fields[2]);
  }
}
