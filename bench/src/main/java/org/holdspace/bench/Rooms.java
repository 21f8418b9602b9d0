package org.holdspace.bench;

import java.util.concurrent.atomic.AtomicIntegerArray;

/** How many members of each room are in it now: the audience a message is expected to reach. */
final class Rooms {
  private final AtomicIntegerArray present;

  Rooms(int count) {
    present = new AtomicIntegerArray(count);
  }

  void enter(int room) {
    present.incrementAndGet(room);
  }

  void leave(int room) {
    present.decrementAndGet(room);
  }

  int present(int room) {
    return present.get(room);
  }

  int count() {
    return present.length();
  }
}
