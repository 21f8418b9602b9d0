package org.holdspace.moderation;

import org.holdspace.grouplog.GroupState;
import org.holdspace.grouplog.Rounds;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.holdspace.audit.AuditLog;
import org.holdspace.core.AuthUser;
import org.holdspace.core.Refusal;
import org.holdspace.grouplog.EventLog;
import org.holdspace.group.Enrolment;
import org.holdspace.grouplog.Change;
import org.holdspace.grouplog.GroupSnapshot;
import org.holdspace.grouplog.NewEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The facilitator's moderation and the members' turn-taking, each an event in the group's log written under the
 * group's lock, so every node and every replay agrees. Facilitator actions are audited in the same transaction.
 */
public final class ModerationService {
  private static final String REDACT = "UPDATE group_events SET body = (body - 'text') || '{\"redacted\": true}' "
      + "WHERE group_id = $1 AND seq = $2 AND kind = 'message' AND NOT (body ? 'redacted')";
  private static final String EVENT_KIND = "SELECT kind FROM group_events WHERE group_id = $1 AND seq = $2";

  private final EventLog log;
  private final AuditLog audit;
  private final Enrolment enrolment;

  public ModerationService(EventLog log, AuditLog audit, Enrolment enrolment) {
    this.log = log;
    this.audit = audit;
    this.enrolment = enrolment;
  }

  private static Long seqOf(List<JsonObject> events) {
    return events.isEmpty() ? null : events.get(events.size() - 1).getLong("seq");
  }

  /** Fails unless the account is an enrolled member (not a facilitator) of the group. */
  private Future<Void> requireMember(SqlClient tx, long groupId, long userId) {
    return enrolment.isMember(tx, groupId, userId).map(member -> {
      if (!member) {
        throw Refusal.notFound("userId: not a member of this group");
      }
      return null;
    });
  }

  /** The change, with the facilitator's action audited in its transaction (nothing is audited when nothing changes). */
  private Future<Change> audited(SqlClient tx, AuthUser actor, String action, long groupId, Long subject,
                                 Change change) {
    if (change.isEmpty()) {
      return Future.succeededFuture(change);
    }
    return audit.record(tx, actor.id(), action, groupId, subject, null).map(change);
  }

  public Future<Long> mute(AuthUser facilitator, long groupId, long userId, Double minutes) {
    return log.change(groupId, (tx, s) -> requireMember(tx, groupId, userId).compose(v -> {
      Long until = minutes == null ? null : System.currentTimeMillis() + Math.round(minutes * 60_000);
      JsonObject body = new JsonObject().put("userId", userId)
          .put("until", until == null ? null : Instant.ofEpochMilli(until).toString());
      return audited(tx, facilitator, "moderation.mute", groupId, userId,
          Change.of(s.with(s.state().withMute(userId, until)), NewEvent.of("mute", facilitator, body)));
    })).map(ModerationService::seqOf);
  }

  public Future<Long> unmute(AuthUser facilitator, long groupId, long userId) {
    return log.change(groupId, (tx, s) -> requireMember(tx, groupId, userId).compose(v -> {
      if (!s.state().hasMute(userId)) {
        return Future.succeededFuture(Change.none(s));
      }
      return audited(tx, facilitator, "moderation.unmute", groupId, userId,
          Change.of(s.with(s.state().withoutMute(userId)), NewEvent.of("unmute", facilitator,
              new JsonObject().put("userId", userId).put("expired", false))));
    })).map(ModerationService::seqOf);
  }

  public Future<Long> redact(AuthUser facilitator, long groupId, long seq) {
    return log.change(groupId, (tx, s) -> tx.preparedQuery(EVENT_KIND).execute(Tuple.of(groupId, seq))
        .compose(rows -> {
          if (rows.size() == 0 || !"message".equals(rows.iterator().next().getString(0))) {
            return Future.failedFuture(Refusal.notFound("seq: no message with this seq"));
          }
          return tx.preparedQuery(REDACT).execute(Tuple.of(groupId, seq));
        })
        .compose(updated -> updated.rowCount() == 0
            ? Future.succeededFuture(Change.none(s))
            : audited(tx, facilitator, "moderation.redact", groupId, null,
                Change.of(s, NewEvent.of("redact", facilitator, new JsonObject().put("targetSeq", seq))))))
        .map(ModerationService::seqOf);
  }

  public Future<Long> lock(AuthUser facilitator, long groupId, boolean locked) {
    return log.change(groupId, (tx, s) -> {
      if (s.state().locked() == locked) {
        return Future.succeededFuture(Change.none(s));
      }
      return audited(tx, facilitator, locked ? "moderation.lock" : "moderation.unlock", groupId, null,
          Change.of(s.with(s.state().withLocked(locked)),
              NewEvent.of(locked ? "lock" : "unlock", facilitator, new JsonObject())));
    }).map(ModerationService::seqOf);
  }

  public Future<Long> remove(AuthUser facilitator, long groupId, long userId) {
    return log.change(groupId, (tx, s) -> {
      if (!s.live()) {
        return Future.failedFuture(Refusal.notLive());
      }
      return requireMember(tx, groupId, userId).compose(v -> {
        if (s.state().isExcluded(userId)) {
          return Future.succeededFuture(Change.none(s));
        }
        return audited(tx, facilitator, "moderation.remove", groupId, userId,
            Change.of(s.with(s.state().withRemoved(userId)),
                NewEvent.of("remove", facilitator, new JsonObject().put("userId", userId))));
      });
    }).map(ModerationService::seqOf);
  }

  /** Gives the floor to a member (null takes it back). */
  public Future<Long> giveFloor(AuthUser facilitator, long groupId, Long userId) {
    return log.change(groupId, (tx, s) -> {
      if (!s.live()) {
        return Future.failedFuture(Refusal.notLive());
      }
      Future<Void> check = userId == null ? Future.succeededFuture() : requireMember(tx, groupId, userId);
      return check.compose(v -> {
        if (userId != null && s.state().isExcluded(userId)) {
          return Future.failedFuture(Refusal.forbidden("userId: removed from this session"));
        }
        if (Objects.equals(s.state().floor(), userId)) {
          return Future.succeededFuture(Change.none(s));
        }
        return audited(tx, facilitator, "moderation.floor", groupId, userId,
            Change.of(s.with(s.state().withFloor(userId)),
                NewEvent.of("floor", facilitator, new JsonObject().put("userId", userId))));
      });
    }).map(ModerationService::seqOf);
  }

  public Future<Long> slowMode(AuthUser facilitator, long groupId, int seconds) {
    return log.change(groupId, (tx, s) -> {
      if (s.state().slowModeSeconds() == seconds) {
        return Future.succeededFuture(Change.none(s));
      }
      return audited(tx, facilitator, "moderation.slow_mode", groupId, null,
          Change.of(s.with(s.state().withSlowMode(seconds)),
              NewEvent.of("slow_mode", facilitator, new JsonObject().put("seconds", seconds))));
    }).map(ModerationService::seqOf);
  }

  /** Raises or lowers the member's own hand during a live session. */
  public Future<Long> hand(AuthUser member, long groupId, boolean raise) {
    return log.change(groupId, s -> {
      if (!s.live()) {
        throw Refusal.notLive();
      }
      if (s.state().isExcluded(member.id())) {
        throw Refusal.forbidden("you were removed from this session");
      }
      if (s.state().hasHandUp(member.id()) == raise) {
        return Change.none(s);
      }
      GroupState next = raise ? s.state().withHandRaised(member.id()) : s.state().withHandLowered(member.id());
      return Change.of(s.with(next), NewEvent.of(raise ? "hand_raised" : "hand_lowered", member,
          new JsonObject().put("userId", member.id())));
    }).map(ModerationService::seqOf);
  }

  /** Starts a go-round over the members present now, in enrolment order. */
  public Future<Long> startRound(AuthUser facilitator, long groupId, String prompt, Integer turnSeconds) {
    return log.change(groupId, (tx, s) -> {
      if (!s.live()) {
        return Future.failedFuture(Refusal.notLive());
      }
      return enrolment.presentMembers(tx, groupId).compose(present -> {
        List<Long> order = new ArrayList<>();
        present.forEach(id -> {
          if (!s.state().isExcluded(id)) {
            order.add(id);
          }
        });
        if (order.isEmpty()) {
          return Future.failedFuture(Refusal.notFound("no member is present for a go-round"));
        }
        Rounds.Step step = Rounds.start(s.state(), facilitator, prompt, order, turnSeconds,
            System.currentTimeMillis());
        return audited(tx, facilitator, "moderation.round_start", groupId, null,
            Change.of(s.with(step.state()), step.events()));
      });
    }).map(ModerationService::seqOf);
  }

  /** Ends the current turn: the facilitator moving on, or the member passing on their own turn. */
  public Future<Long> nextTurn(AuthUser actor, long groupId, boolean pass) {
    return log.change(groupId, (tx, s) -> {
      GroupState.Round round = s.state().round();
      if (round == null) {
        return Future.failedFuture(Refusal.notFound("no go-round is running"));
      }
      if (pass && !Objects.equals(round.current(), actor.id())) {
        return Future.failedFuture(Refusal.forbidden("it is not your turn"));
      }
      Rounds.Step step = Rounds.advance(s.state(), actor, System.currentTimeMillis());
      if (pass) {
        return Future.succeededFuture(Change.of(s.with(step.state()), Rounds.prepend(
            NewEvent.of("round_passed", actor, new JsonObject().put("userId", actor.id())), step.events())));
      }
      return audited(tx, actor, "moderation.round_next", groupId, null, Change.of(s.with(step.state()), step.events()));
    }).map(ModerationService::seqOf);
  }

  public Future<Long> endRound(AuthUser facilitator, long groupId) {
    return log.change(groupId, (tx, s) -> {
      if (s.state().round() == null) {
        return Future.succeededFuture(Change.none(s));
      }
      Rounds.Step step = Rounds.end(s.state(), facilitator);
      return audited(tx, facilitator, "moderation.round_end", groupId, null,
          Change.of(s.with(step.state()), step.events()));
    }).map(ModerationService::seqOf);
  }

  /** Applies what has run out by {@code now} (timed mutes, turn budgets); nothing when another node did it first. */
  public Future<List<JsonObject>> expire(long groupId, long now) {
    return log.change(groupId, (GroupSnapshot s) -> {
      List<NewEvent> events = new ArrayList<>();
      GroupState state = s.state();
      for (Long userId : state.expiredMutes(now)) {
        state = state.withoutMute(userId);
        events.add(NewEvent.of("unmute", null, new JsonObject().put("userId", userId).put("expired", true)));
      }
      GroupState.Round round = state.round();
      if (round != null && round.turnUntil() != null && round.turnUntil() <= now) {
        Rounds.Step step = Rounds.advance(state, null, now);
        state = step.state();
        events.addAll(step.events());
      }
      return Change.of(s.with(state), events);
    });
  }
}
