package org.holdspace.session;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import org.holdspace.audit.AuditLog;
import org.holdspace.core.AuthUser;
import org.holdspace.core.Refusal;
import org.holdspace.grouplog.Change;
import org.holdspace.grouplog.EventLog;
import org.holdspace.grouplog.GroupSnapshot;
import org.holdspace.grouplog.NewEvent;
import org.holdspace.grouplog.SessionStatus;
import org.holdspace.grouplog.Rounds;
import org.holdspace.grouplog.SessionClearing;

import java.util.List;

/** Starting the next planned session and ending the live one, as events in the group's log. */
public final class SessionService {
  private final EventLog log;
  private final SessionStore store;
  private final AuditLog audit;

  public SessionService(EventLog log, SessionStore store, AuditLog audit) {
    this.log = log;
    this.store = store;
    this.audit = audit;
  }

  /** The session after a start or an end (its clinical and plan phase), and the seq of its event. */
  public record Outcome(int number, String phase, String planPhase, String status, Long seq) {
    public JsonObject toJson() {
      return new JsonObject().put("number", number).put("phase", phase).put("planPhase", planPhase)
          .put("status", status).put("seq", seq);
    }
  }

  /**
   * Starts the next planned, not cancelled session (cancelled ones keep their numbers and are skipped); when one is
   * already live, answers it unchanged (seq null). The start clears nothing: what the last session's end cleared is in
   * the log already (see {@link SessionClearing}).
   */
  public Future<Outcome> start(AuthUser facilitator, long groupId) {
    GroupSnapshot[] after = new GroupSnapshot[1];
    return log.change(groupId, (tx, s) -> {
      after[0] = s;
      if (s.live()) {
        return Future.succeededFuture(Change.none(s));
      }
      Integer number = s.plan().nextAfter(s.currentSession());
      if (number == null) {
        return Future.failedFuture(Refusal.conflict("the course is over: every planned session has taken place "
            + "or was cancelled"));
      }
      GroupSnapshot next = s.inSession(number, SessionStatus.LIVE, s.state());
      after[0] = next;
      return mark(tx, true, facilitator, "session.start", next)
          .map(v -> Change.of(next, sessionEvent("session_started", facilitator, next)));
    }).map(events -> outcome(after[0], events));
  }

  public Future<Outcome> end(AuthUser facilitator, long groupId) {
    GroupSnapshot[] after = new GroupSnapshot[1];
    return log.change(groupId, (tx, s) -> {
      if (!s.live()) {
        return Future.failedFuture(Refusal.notLive());
      }
      Rounds.Step cleared = SessionClearing.atEnd(s.state(), facilitator);
      GroupSnapshot next = s.inSession(s.currentSession(), SessionStatus.ENDED, cleared.state());
      after[0] = next;
      return mark(tx, false, facilitator, "session.end", next)
          .map(v -> Change.of(next, Rounds.prepend(sessionEvent("session_ended", facilitator, next),
              cleared.events())));
    }).map(events -> outcome(after[0], events));
  }

  private Future<Void> mark(SqlClient tx, boolean started, AuthUser facilitator, String action, GroupSnapshot s) {
    Future<Void> marked = started ? store.markStarted(tx, s.groupId(), s.currentSession())
        : store.markEnded(tx, s.groupId(), s.currentSession());
    return marked
        .compose(v -> audit.record(tx, facilitator.id(), action, s.groupId(), null,
            new JsonObject().put("number", s.currentSession())));
  }

  private static NewEvent sessionEvent(String kind, AuthUser facilitator, GroupSnapshot s) {
    return NewEvent.of(kind, facilitator, new JsonObject().put("number", s.currentSession())
        .put("phase", s.phase().wire()).put("planPhase", s.planPhase().wire()));
  }

  private static Outcome outcome(GroupSnapshot s, List<JsonObject> events) {
    return new Outcome(s.currentSession(), s.phase().wire(), s.planPhase().wire(), s.status().wire(),
        events.isEmpty() ? null : events.get(0).getLong("seq"));
  }
}
