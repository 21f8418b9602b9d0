package org.holdspace.grouplog;

import java.util.List;

/** What a decision on a group does: the events to append and the snapshot that follows them. */
public record Change(List<NewEvent> events, GroupSnapshot after) {

  /** Nothing happens. */
  public static Change none(GroupSnapshot snapshot) {
    return new Change(List.of(), snapshot);
  }

  /** The events, with the state they lead to. */
  public static Change of(GroupSnapshot after, List<NewEvent> events) {
    return new Change(List.copyOf(events), after);
  }

  public static Change of(GroupSnapshot after, NewEvent event) {
    return new Change(List.of(event), after);
  }

  public boolean isEmpty() {
    return events.isEmpty();
  }
}
