package org.holdspace.session;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import org.holdspace.group.Enrolment;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Each session's attendance, derived from the group's log and enrolment; the one place it is derived. */
public final class AttendanceService {
  private final Pool pool;
  private final AttendanceStore store;
  private final Enrolment enrolment;

  public AttendanceService(Pool pool, AttendanceStore store, Enrolment enrolment) {
    this.pool = pool;
    this.store = store;
    this.enrolment = enrolment;
  }

  /** Every session of the group so far with its attendees (see {@link Attendance#compute}). */
  public Future<JsonArray> sessions(long groupId) {
    return Future.all(store.entries(pool, groupId), enrolment.members(pool, groupId)).map(all -> {
      List<Attendance.Entry> entries = all.resultAt(0);
      Set<Long> members = new HashSet<>();
      all.<List<Enrolment.Member>>resultAt(1).forEach(m -> members.add(m.id()));
      return Attendance.compute(entries, members);
    });
  }
}
