package org.holdspace.clinical;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

import java.util.List;

/**
 * What the clinical records say about one member at one session, for a progress note's draft: whether the session
 * was held and the member attended, the questionnaires recorded for it, and the homework set at it and due at it.
 * Callers check access first; nothing here is audited or logged.
 */
public final class SessionFacts {
  private final Pool pool;
  private final MeasureStore measures;
  private final HomeworkStore homework;
  private final Attendance.Source attendance;

  public SessionFacts(Pool pool, MeasureStore measures, HomeworkStore homework, Attendance.Source attendance) {
    this.pool = pool;
    this.measures = measures;
    this.homework = homework;
    this.attendance = attendance;
  }

  /** {@code {session, held, attended, questionnaires:[…], homeworkSet:[…], homeworkDue:[…]}}. */
  public Future<JsonObject> of(long groupId, long userId, int session) {
    return Future.all(measures.ofMember(pool, groupId, userId), homework.ofMember(pool, groupId, userId),
        attendance.sessions(groupId)).map(all -> {
          List<MeasureStore.Measure> ms = all.resultAt(0);
          List<HomeworkStore.Homework> hs = all.resultAt(1);
          Attendance a = new Attendance(all.resultAt(2));
          JsonArray questionnaires = new JsonArray();
          ms.stream().filter(m -> m.session() == session).forEach(m -> questionnaires.add(new JsonObject()
              .put("id", m.id()).put("instrument", m.instrument()).put("total", m.total())
              .put("severity", m.severity())));
          JsonArray set = new JsonArray();
          JsonArray due = new JsonArray();
          for (HomeworkStore.Homework h : hs) {
            JsonObject item = new JsonObject().put("id", h.id()).put("text", h.text()).put("dueSession", h.dueSession())
                .put("done", h.done());
            if (h.setAtSession() == session) {
              set.add(item);
            }
            if (h.dueSession() == session) {
              due.add(item);
            }
          }
          boolean held = a.heldFor(userId).contains(session);
          return new JsonObject().put("session", session).put("held", held)
              .put("attended", held ? a.of(userId).contains(session) : null)
              .put("questionnaires", questionnaires).put("homeworkSet", set).put("homeworkDue", due);
        });
  }
}
