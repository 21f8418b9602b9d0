package org.holdspace.grouplog;

import java.util.List;

/**
 * The part of a group's log one reader may see: nothing up to {@code readsAfter} (before the session in which a
 * member was enrolled), and nothing inside a cut, from a {@code remove} of the reader (exclusive) to the next
 * {@code readmit} of them or the end of that session (exclusive). Facilitators read {@link #ALL}.
 */
public record ReadWindow(long readsAfter, List<Cut> cuts) {
  public static final ReadWindow ALL = new ReadWindow(0, List.of());

  /** Events with {@code from < seq < to} are hidden. */
  public record Cut(long from, long to) {
  }

  public ReadWindow {
    cuts = List.copyOf(cuts);
  }

  public boolean visible(long seq) {
    if (seq <= readsAfter) {
      return false;
    }
    for (Cut cut : cuts) {
      if (seq > cut.from() && seq < cut.to()) {
        return false;
      }
    }
    return true;
  }

  Long[] froms() {
    return cuts.stream().map(Cut::from).toArray(Long[]::new);
  }

  Long[] tos() {
    return cuts.stream().map(Cut::to).toArray(Long[]::new);
  }
}
