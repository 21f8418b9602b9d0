package org.holdspace.grouplog;

/** What a message is decided on and its seq continues from: a group's row as a batch read or left it. */
record GroupRow(long lastSeq, boolean live, GroupState state) {
  GroupRow withLastSeq(long seq) {
    return new GroupRow(seq, live, state);
  }
}
