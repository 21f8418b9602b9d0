package org.holdspace.clinical;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import org.holdspace.core.Fields;
import org.holdspace.core.Refusal;
import org.holdspace.group.GroupStore;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A member's individual meetings, those the group's protocol plans: at their default times from the group's plan,
 * moved or marked held by a facilitator.
 */
public final class MeetingService {
  private final Pool pool;
  private final ClinicalAccess access;
  private final GroupStore groups;
  private final MeetingStore meetings;
  private final CourseStore courses;

  public MeetingService(Pool pool, ClinicalAccess access, GroupStore groups, MeetingStore meetings,
                        CourseStore courses) {
    this.pool = pool;
    this.courses = courses;
    this.access = access;
    this.groups = groups;
    this.meetings = meetings;
  }

  /** {@code PUT .../meetings/{kind}}: a new time, and/or whether it was held. */
  public record Change(String kind, Instant scheduledAt, Boolean held) {
    /** The path's kind of meeting; 404 when there is no such kind. */
    static String kind(String kind) {
      if (!MeetingPlan.KINDS.contains(kind)) {
        throw Refusal.notFound();
      }
      return kind;
    }

    /** The body {@code {scheduledAt?, held?}}, at least one. */
    static Change fromJson(String kind, JsonObject body) {
      Object held = body.getValue("held");
      if (held != null && !(held instanceof Boolean)) {
        throw Refusal.invalid("held: must be true or false");
      }
      Change change = new Change(kind, Fields.optionalInstant(body, "scheduledAt"), (Boolean) held);
      if (change.scheduledAt() == null && change.held() == null) {
        throw Refusal.invalid("body: give scheduledAt, held or both");
      }
      return change;
    }
  }

  public Future<JsonObject> list(ClinicalAccess.Target target) {
    return access.read(target, "meetings.read", s -> meetings(pool, s.groupId(), s.memberId()));
  }

  public Future<JsonObject> change(ClinicalAccess.Target target, Change change) {
    return access.facilitatorAbout(target).compose(s -> courses.find(pool, s.groupId()).map(course -> {
      if (!course.protocol().individualMeetings().contains(change.kind())) {
        throw Refusal.notFound("kind: " + course.protocol().id() + " plans no " + change.kind() + " meeting");
      }
      return s;
    })).compose(s -> pool.withTransaction(tx -> meetings.save(tx, s.groupId(),
                s.memberId(), change.kind(), change.scheduledAt(), change.held(), s.actor().id())
            .compose(r -> access.audit(tx, s, "meeting.write", new JsonObject().put("kind", change.kind()))))
        .compose(v -> meetings(pool, s.groupId(), s.memberId()))
        .map(all -> all.getJsonArray("meetings").stream().map(JsonObject.class::cast)
            .filter(m -> m.getString("kind").equals(change.kind())).findFirst().orElseThrow()));
  }

  /** {@code {userId, meetings:[{kind, scheduledAt, planned, held, heldAt}]}} in plan order. */
  private Future<JsonObject> meetings(SqlClient client, long groupId, long userId) {
    return Future.all(groups.sessions(client, groupId), meetings.stored(client, groupId, userId),
        courses.find(client, groupId)).map(all -> {
      List<Instant> sessions = all.<List<GroupStore.StoredSession>>resultAt(0).stream()
          .map(GroupStore.StoredSession::scheduledAt).toList();
      Map<String, MeetingStore.StoredMeeting> stored = all.resultAt(1);
      List<String> planned = all.<Course>resultAt(2).protocol().individualMeetings();
      JsonArray list = new JsonArray();
      MeetingPlan.defaults(sessions).forEach((kind, at) -> {
        if (!planned.contains(kind)) {
          return;
        }
        MeetingStore.StoredMeeting m = stored.get(kind);
        boolean moved = m != null && m.scheduledAt() != null;
        String heldAt = m == null || m.heldAt() == null ? null : m.heldAt().toString();
        list.add(new JsonObject().put("kind", kind)
            .put("scheduledAt", (moved ? m.scheduledAt() : at).toString())
            .put("planned", !moved).put("held", heldAt != null).put("heldAt", heldAt));
      });
      return new JsonObject().put("userId", userId).put("meetings", list);
    });
  }
}
