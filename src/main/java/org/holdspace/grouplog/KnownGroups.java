package org.holdspace.grouplog;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The group rows a lane last read or wrote, so that the next batch can be decided without locking them first
 * ({@link OneStatementBatch}). Only a hint: the store checks each row's last seq before anything is written, and
 * every change of a group's state moves its last seq. Bounded: the least recently used rows are forgotten first.
 */
final class KnownGroups {
  private static final int CAPACITY = 4096;

  private final Map<Long, GroupRow> rows = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, GroupRow> eldest) {
      return size() > CAPACITY;
    }
  };

  /** The rows of all these groups, or null when one of them is not known. */
  synchronized Map<Long, GroupRow> allOf(Collection<Long> groupIds) {
    Map<Long, GroupRow> found = new HashMap<>();
    for (Long id : groupIds) {
      GroupRow row = rows.get(id);
      if (row == null) {
        return null;
      }
      found.put(id, row);
    }
    return found;
  }

  synchronized void remember(Map<Long, GroupRow> stored) {
    rows.putAll(stored);
  }

  synchronized void forget(Collection<Long> groupIds) {
    groupIds.forEach(rows::remove);
  }
}
