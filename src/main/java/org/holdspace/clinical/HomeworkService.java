package org.holdspace.clinical;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.holdspace.core.AuthUser;
import org.holdspace.core.Refusal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Work between sessions: set by a facilitator or the member, due at a session (by default the next), marked done by
 * the member with a note; the facilitators see per session what is due across the group.
 */
public final class HomeworkService {
  private static final String MEMBERS = "SELECT u.id, u.display_name FROM group_members m JOIN users u "
      + "ON u.id = m.user_id WHERE m.group_id = $1 AND m.role = 'member' ORDER BY m.enrolled_at, u.id";

  private final ClinicalAccess access;

  public HomeworkService(ClinicalAccess access) {
    this.access = access;
  }

  /** {@code {text, dueSession?}}. */
  public record NewHomework(String text, Integer dueSession) {
  }

  public Future<JsonObject> set(ClinicalAccess.Target target, NewHomework request) {
    return access.selfOrFacilitator(target).compose(s -> access.pool().withTransaction(tx -> Courses.find(tx,
            s.groupId()).compose(course -> {
              int due = request.dueSession() == null ? course.nextSession() : request.dueSession();
              if (due < 1 || due > course.sessionCount()) {
                return Future.failedFuture(Refusal.invalid("dueSession: must be from 1 to "
                    + course.sessionCount()));
              }
              return HomeworkStore.insert(tx, s.groupId(), s.memberId(), request.text(), s.actor().id(),
                      course.currentSession(), due)
                  .compose(h -> access.audit(tx, s, "homework.write", new JsonObject().put("homeworkId", h.id()))
                      .map(v -> h.toJson(course)));
            })));
  }

  public Future<JsonObject> markDone(ClinicalAccess.Target target, long homeworkId, String note) {
    return access.selfOrFacilitator(target).compose(s -> access.pool().withTransaction(tx -> Courses.find(tx,
            s.groupId()).compose(course -> HomeworkStore.done(tx, s.groupId(), s.memberId(), homeworkId,
                s.actor().id(), note)
            .compose(h -> {
              if (h == null) {
                return Future.failedFuture(Refusal.notFound());
              }
              return access.audit(tx, s, "homework.done", new JsonObject().put("homeworkId", h.id()))
                  .map(v -> h.toJson(course));
            }))));
  }

  public Future<JsonObject> list(ClinicalAccess.Target target) {
    return access.selfOrFacilitator(target).compose(s -> access.audit(s, "homework.read", null)
        .compose(v -> Future.all(Courses.find(access.pool(), s.groupId()),
            HomeworkStore.ofMember(access.pool(), s.groupId(), s.memberId())))
        .map(all -> {
          Course course = all.resultAt(0);
          List<HomeworkStore.Homework> items = all.resultAt(1);
          return new JsonObject().put("userId", s.memberId()).put("upcomingSession", course.upcomingSession())
              .put("items", new JsonArray(items.stream().map(h -> h.toJson(course)).toList()));
        }));
  }

  /** For the facilitators: per member, the homework due at the session (default: the upcoming one) and overdue work. */
  public Future<JsonObject> due(AuthUser user, long groupId, Integer session) {
    return access.requireFacilitator(user, groupId)
        .compose(v -> Courses.find(access.pool(), groupId))
        .compose(course -> {
          int at = session == null ? course.upcomingSession() : session;
          if (at < 1 || at > course.sessionCount()) {
            return Future.failedFuture(Refusal.invalid("session: must be from 1 to " + course.sessionCount()));
          }
          return access.auditGroup(access.pool(), user, groupId, "homework.read_group", null)
              .compose(v -> Future.all(HomeworkStore.ofGroup(access.pool(), groupId),
                  access.pool().preparedQuery(MEMBERS).execute(Tuple.of(groupId))))
              .map(all -> dueView(course, at, all.resultAt(0), all.resultAt(1)));
        });
  }

  private static JsonObject dueView(Course course, int at, List<HomeworkStore.Homework> homework,
                                    io.vertx.sqlclient.RowSet<Row> people) {
    Map<Long, JsonObject> members = new LinkedHashMap<>();
    for (Row r : people) {
      members.put(r.getLong("id"), new JsonObject().put("userId", r.getLong("id"))
          .put("displayName", r.getString("display_name")).put("items", new JsonArray()));
    }
    for (HomeworkStore.Homework h : homework) {
      JsonObject member = members.get(h.userId());
      if (member != null && (h.dueSession() == at || h.dueSession() < at && !h.done())) {
        member.getJsonArray("items").add(h.toJson(course));
      }
    }
    return new JsonObject().put("groupId", course.groupId()).put("session", at)
        .put("members", new JsonArray(List.copyOf(members.values())));
  }
}
