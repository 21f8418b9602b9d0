package org.holdspace.clinical;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.holdspace.core.AuthUser;
import org.holdspace.core.Fields;
import org.holdspace.core.Refusal;
import org.holdspace.group.Enrolment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Work between sessions: set by a facilitator or the member, due at a session (by default the next), marked done by
 * the member with a note; the facilitators see per session what is due across the group.
 */
public final class HomeworkService {
  private final Pool pool;
  private final ClinicalAccess access;
  private final CourseStore courses;
  private final Enrolment enrolment;
  private final HomeworkStore homework;

  public HomeworkService(Pool pool, ClinicalAccess access, CourseStore courses, Enrolment enrolment,
                         HomeworkStore homework) {
    this.pool = pool;
    this.access = access;
    this.courses = courses;
    this.enrolment = enrolment;
    this.homework = homework;
  }

  /** {@code {text, dueSession?}}. */
  public record NewHomework(String text, Integer dueSession) {
    static NewHomework fromJson(JsonObject body) {
      return new NewHomework(Fields.text(body, "text", 1, 2000).strip(), Fields.optionalInt(body, "dueSession", 1, 1000));
    }
  }

  public Future<JsonObject> set(ClinicalAccess.Target target, NewHomework request) {
    return access.selfOrFacilitator(target).compose(s -> pool.withTransaction(tx -> courses.find(tx,
            s.groupId()).compose(course -> {
              int due = request.dueSession() == null ? course.nextSession() : request.dueSession();
              if (due < 1 || due > course.sessionCount()) {
                return Future.failedFuture(Refusal.invalid("dueSession: must be from 1 to "
                    + course.sessionCount()));
              }
              return homework.insert(tx, s.groupId(), s.memberId(), request.text(), s.actor().id(),
                      course.currentSession(), due)
                  .compose(h -> access.audit(tx, s, "homework.write", new JsonObject().put("homeworkId", h.id()))
                      .map(v -> h.toJson(course)));
            })));
  }

  public Future<JsonObject> markDone(ClinicalAccess.Target target, long homeworkId, String note) {
    return access.selfOrFacilitator(target).compose(s -> pool.withTransaction(tx -> courses.find(tx,
            s.groupId()).compose(course -> homework.done(tx, s.groupId(), s.memberId(), homeworkId,
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
    return access.read(target, "homework.read", s -> Future.all(courses.find(pool, s.groupId()),
            homework.ofMember(pool, s.groupId(), s.memberId()))
        .map(all -> {
          Course course = all.resultAt(0);
          List<HomeworkStore.Homework> items = all.resultAt(1);
          return new JsonObject().put("userId", s.memberId()).put("upcomingSession", course.upcomingSession())
              .put("items", new JsonArray(items.stream().map(h -> h.toJson(course)).toList()));
        }));
  }

  /**
   * For the facilitators and supervisors: per member, the homework due at the session (default: the upcoming one) and
   * overdue work.
   */
  public Future<JsonObject> due(AuthUser user, long groupId, Integer session) {
    return access.requireReader(user, groupId)
        .compose(v -> courses.find(pool, groupId))
        .compose(course -> {
          int at = session == null ? course.upcomingSession() : session;
          if (at < 1 || at > course.sessionCount()) {
            return Future.failedFuture(Refusal.invalid("session: must be from 1 to " + course.sessionCount()));
          }
          return access.auditGroup(pool, user, groupId, "homework.read_group", null)
              .compose(v -> Future.all(homework.ofGroup(pool, groupId), enrolment.members(pool, groupId)))
              .map(all -> dueView(course, at, all.resultAt(0), all.resultAt(1)));
        });
  }

  private static JsonObject dueView(Course course, int at, List<HomeworkStore.Homework> homework,
                                    List<Enrolment.Member> people) {
    Map<Long, JsonObject> members = new LinkedHashMap<>();
    for (Enrolment.Member m : people) {
      members.put(m.id(), new JsonObject().put("userId", m.id()).put("displayName", m.displayName())
          .put("items", new JsonArray()));
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
