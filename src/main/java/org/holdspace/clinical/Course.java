package org.holdspace.clinical;

import org.holdspace.core.Refusal;
import org.holdspace.protocol.Phase;
import org.holdspace.protocol.CoursePlan;
import org.holdspace.protocol.Protocol;

import java.util.List;

/**
 * Where a group's course stands: its protocol and plan (the phase split for its length and the sessions cancelled), the
 * current session, the clinical phase its facilitator moved it to, and its clinical settings. Which session comes
 * next, and whether the course is over, is the plan's answer ({@link CoursePlan}). Pure.
 */
public record Course(long groupId, Protocol protocol, CoursePlan plan, int currentSession, String sessionStatus,
                     Phase phase, int measureEvery, boolean gad7) {

  public int sessionCount() {
    return plan.sessionCount();
  }

  /** The phase the plan gives the upcoming session: the live one, else the next not cancelled. */
  public Phase planPhase() {
    return plan.planPhase(currentSession, live());
  }

  public boolean live() {
    return "live".equals(sessionStatus);
  }

  /**
   * The session that work set now is due at by default: the first one not cancelled after the current (or last held)
   * session; the current one once none is left.
   */
  public int nextSession() {
    return plan.next(currentSession);
  }

  /** The session members meet at next: the live one, else the next not cancelled (the last held once it is over). */
  public int upcomingSession() {
    return plan.upcoming(currentSession, live());
  }

  /** Whether the course is over: no session is live and none is left to hold (the rest, if any, cancelled). */
  public boolean over() {
    return plan.over(currentSession, live());
  }

  /**
   * How a piece of homework stands: {@code done}; {@code due} at the upcoming session; {@code overdue} when its
   * session has passed; {@code open} when it is due later.
   */
  public String homeworkStatus(int dueSession, boolean done) {
    if (done) {
      return "done";
    }
    int upcoming = upcomingSession();
    if (dueSession < upcoming || over()) {
      return "overdue";
    }
    return dueSession == upcoming ? "due" : "open";
  }

  /** The questionnaire points of this course. */
  public List<Integer> measurePoints() {
    return MeasureSchedule.points(sessionCount(), measureEvery);
  }

  /** A session number given by a client, checked against the plan (0 is the pre-group meeting). */
  public int checkSession(Integer session, String field) {
    if (session == null) {
      return currentSession;
    }
    if (session < 0 || session > sessionCount()) {
      throw new IllegalArgumentException(field + ": must be from 0 to " + sessionCount());
    }
    return session;
  }

  /**
   * The session a questionnaire is filed for: the current one when absent, never later than the group's next session
   * (a 400 naming {@code session}).
   */
  public int questionnaireSession(Integer session) {
    int checked = requestedSession(session);
    if (checked > nextSession()) {
      throw Refusal.invalid("session: a questionnaire may be for session " + nextSession()
          + (over() ? " (the last one held: the course is over)" : " (the group's next session)") + " at the latest");
    }
    return checked;
  }

  /** {@link #checkSession} for a request's {@code session}, refusing a session outside the plan with a 400. */
  public int requestedSession(Integer session) {
    try {
      return checkSession(session, "session");
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid(e.getMessage());
    }
  }

  /** Where the course stands: its clinical phase against the plan's, and the session. */
  public io.vertx.core.json.JsonObject phaseJson(long groupId) {
    return new io.vertx.core.json.JsonObject()
        .put("groupId", groupId)
        .put("phase", phase().wire())
        .put("planPhase", planPhase().wire())
        .put("behindPlan", PhaseRules.behindPlan(phase(), planPhase()))
        .put("aheadOfPlan", PhaseRules.aheadOfPlan(phase(), planPhase()))
        .put("terminationFrom", plan.terminationFrom())
        .put("currentSession", currentSession)
        .put("upcomingSession", upcomingSession())
        .put("courseOver", over())
        .put("sessionCount", sessionCount());
  }
}
