package org.holdspace.bench;

/**
 * A log-linear histogram of non-negative values (microseconds here), written by one thread: each generator event
 * loop records into its own, and they are merged with {@link #add} once the loops have stopped. Values below 128 are kept exactly; above, each power of two is cut into 64 buckets, so a reported percentile
 * is within 1/64 (1.6 %) of the true value. Percentiles are by rank: the value at rank ceil(p * count).
 */
public final class Histogram {
  private static final int SUB = 64;
  private static final int EXACT = 2 * SUB;
  private static final int SIZE = EXACT + SUB * 58;

  private final long[] counts = new long[SIZE];
  private long total;
  private long sum;
  private long max = Long.MIN_VALUE;
  private long min = Long.MAX_VALUE;

  /** Records one value; negative values count as 0. */
  public void record(long value) {
    long v = Math.max(0, value);
    counts[index(v)]++;
    total++;
    sum += v;
    if (v > max) {
      max = v;
    }
    if (v < min) {
      min = v;
    }
  }

  static int index(long v) {
    if (v < EXACT) {
      return (int) v;
    }
    int msb = 63 - Long.numberOfLeadingZeros(v);
    int shift = msb - 6;
    return SUB * shift + (int) (v >>> shift);
  }

  /** The smallest value that falls in the bucket. */
  static long lowest(int index) {
    if (index < EXACT) {
      return index;
    }
    int shift = index / SUB - 1;
    return (long) (index - SUB * shift) << shift;
  }

  /** The largest value that falls in the bucket. */
  static long highest(int index) {
    if (index < EXACT) {
      return index;
    }
    int shift = index / SUB - 1;
    return lowest(index) + (1L << shift) - 1;
  }

  public long count() {
    return total;
  }

  public long max() {
    return total == 0 ? 0 : max;
  }

  public long min() {
    return total == 0 ? 0 : min;
  }

  public double mean() {
    return total == 0 ? 0 : (double) sum / total;
  }

  /**
   * The value at rank ceil(p * count) (p in 0..1), reported as the middle of its bucket and never above the
   * largest value recorded; 0 when empty.
   */
  public long percentile(double p) {
    long n = total;
    if (n == 0) {
      return 0;
    }
    long rank = Math.max(1, (long) Math.ceil(p * n));
    long seen = 0;
    for (int i = 0; i < SIZE; i++) {
      seen += counts[i];
      if (seen >= rank) {
        long mid = (lowest(i) + highest(i)) / 2;
        return Math.min(Math.max(mid, min()), max());
      }
    }
    return max();
  }

  /** Adds every value of the other histogram to this one. */
  public void add(Histogram other) {
    for (int i = 0; i < SIZE; i++) {
      counts[i] += other.counts[i];
    }
    total += other.total;
    sum += other.sum;
    if (other.total > 0) {
      max = Math.max(max, other.max);
      min = Math.min(min, other.min);
    }
  }
}
