package org.holdspace.session;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import org.holdspace.group.Participation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Each session's attendance, derived from the group's log and enrolment; the one place it is derived. */
public final class AttendanceService {
  private final Pool pool;
  private final AttendanceStore store;
  private final Participation participation;

  public AttendanceService(Pool pool, AttendanceStore store, Participation participation) {
    this.pool = pool;
    this.store = store;
    this.participation = participation;
  }

  /**
   * Every session of the group so far with its attendees and the members absent from it: those enrolled and taking
   * part when it started who never came (see {@link Attendance#compute}).
   */
  public Future<JsonArray> sessions(long groupId) {
    return Future.all(store.entries(pool, groupId), participation.spans(pool, groupId)).map(all -> {
      List<Attendance.Entry> entries = all.resultAt(0);
      Map<Long, Participation.Span> spans = all.resultAt(1);
      Set<Long> members = new LinkedHashSet<>(spans.keySet());
      return Attendance.compute(entries, members, (id, startedAt) -> spans.get(id).expectedAt(startedAt));
    });
  }
}
