package org.holdspace.session;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.holdspace.audit.AuditLog;
import org.holdspace.auth.AuthUser;
import org.holdspace.chat.ChatError;
import org.holdspace.chat.EventLog;
import org.holdspace.moderation.GroupState;

import java.util.List;

/** Starting the next planned session and ending the live one, as events in the group's log. */
public final class SessionService {
  private static final String MARK_STARTED =
      "UPDATE group_sessions SET started_at = now() WHERE group_id = $1 AND number = $2";
  private static final String MARK_ENDED =
      "UPDATE group_sessions SET ended_at = now() WHERE group_id = $1 AND number = $2";

  private final EventLog log;
  private final AuditLog audit;

  public SessionService(EventLog log, AuditLog audit) {
    this.log = log;
    this.audit = audit;
  }

  /** The session after a start or an end, and the seq of its event. */
  public record Outcome(int number, String phase, String status, Long seq) {
    public JsonObject toJson() {
      return new JsonObject().put("number", number).put("phase", phase).put("status", status).put("seq", seq);
    }
  }

  /** Starts the next planned session; when one is already live, answers it unchanged (seq null). */
  public Future<Outcome> start(AuthUser facilitator, long groupId) {
    int[] number = new int[1];
    String[] phase = new String[1];
    return log.change(groupId, (tx, s) -> {
      number[0] = s.currentSession;
      phase[0] = s.phase().wire();
      if (s.live()) {
        return Future.succeededFuture(List.of());
      }
      if (s.currentSession >= s.sessionCount) {
        return Future.failedFuture(new ChatError("not_found", "every planned session has taken place"));
      }
      s.currentSession++;
      s.sessionStatus = "live";
      s.state = GroupState.forNewSession();
      number[0] = s.currentSession;
      phase[0] = s.phase().wire();
      return tx.preparedQuery(MARK_STARTED).execute(Tuple.of(groupId, s.currentSession))
          .compose(v -> audit.record(tx, facilitator.id(), "session.start", groupId, null,
              new JsonObject().put("number", number[0])))
          .map(v -> List.of(new EventLog.NewEvent("session_started", facilitator, null,
              new JsonObject().put("number", number[0]).put("phase", phase[0]))));
    }).map(events -> new Outcome(number[0], phase[0], "live", events.isEmpty() ? null : events.get(0).getLong("seq")));
  }

  public Future<Outcome> end(AuthUser facilitator, long groupId) {
    int[] number = new int[1];
    String[] phase = new String[1];
    return log.change(groupId, (tx, s) -> {
      if (!s.live()) {
        return Future.failedFuture(new ChatError("not_live", "no session is live"));
      }
      s.sessionStatus = "ended";
      number[0] = s.currentSession;
      phase[0] = s.phase().wire();
      return tx.preparedQuery(MARK_ENDED).execute(Tuple.of(groupId, s.currentSession))
          .compose(v -> audit.record(tx, facilitator.id(), "session.end", groupId, null,
              new JsonObject().put("number", number[0])))
          .map(v -> List.of(new EventLog.NewEvent("session_ended", facilitator, null,
              new JsonObject().put("number", number[0]).put("phase", phase[0]))));
    }).map(events -> new Outcome(number[0], phase[0], "ended", events.get(0).getLong("seq")));
  }
}
