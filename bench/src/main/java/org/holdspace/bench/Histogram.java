package org.holdspace.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A log-linear histogram of non-negative values (microseconds here), safe to record into from several threads.
 * Values below 128 are kept exactly; above, each power of two is cut into 64 buckets, so a reported percentile
 * is within 1/64 (1.6 %) of the true value. Percentiles are by rank: the value at rank ceil(p * count).
 */
public final class Histogram {
  private static final int SUB = 64;
  private static final int EXACT = 2 * SUB;
  private static final int SIZE = EXACT + SUB * 58;

  private final AtomicLongArray counts = new AtomicLongArray(SIZE);
  private final AtomicLong total = new AtomicLong();
  private final AtomicLong sum = new AtomicLong();
  private final AtomicLong max = new AtomicLong(Long.MIN_VALUE);
  private final AtomicLong min = new AtomicLong(Long.MAX_VALUE);

  /** Records one value; negative values count as 0. */
  public void record(long value) {
    long v = Math.max(0, value);
    counts.incrementAndGet(index(v));
    total.incrementAndGet();
    sum.addAndGet(v);
    max.accumulateAndGet(v, Math::max);
    min.accumulateAndGet(v, Math::min);
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
    return total.get();
  }

  public long max() {
    return total.get() == 0 ? 0 : max.get();
  }

  public long min() {
    return total.get() == 0 ? 0 : min.get();
  }

  public double mean() {
    long n = total.get();
    return n == 0 ? 0 : (double) sum.get() / n;
  }

  /**
   * The value at rank ceil(p * count) (p in 0..1), reported as the middle of its bucket and never above the
   * largest value recorded; 0 when empty.
   */
  public long percentile(double p) {
    long n = total.get();
    if (n == 0) {
      return 0;
    }
    long rank = Math.max(1, (long) Math.ceil(p * n));
    long seen = 0;
    for (int i = 0; i < SIZE; i++) {
      seen += counts.get(i);
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
      long c = other.counts.get(i);
      if (c != 0) {
        counts.addAndGet(i, c);
      }
    }
    total.addAndGet(other.total.get());
    sum.addAndGet(other.sum.get());
    if (other.total.get() > 0) {
      max.accumulateAndGet(other.max.get(), Math::max);
      min.accumulateAndGet(other.min.get(), Math::min);
    }
  }
}
