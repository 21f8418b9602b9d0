package org.holdspace.moderation;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.holdspace.audit.AuditLog;
import org.holdspace.auth.AuthUser;
import org.holdspace.chat.ChatError;
import org.holdspace.chat.EventLog;
import org.holdspace.chat.EventLog.NewEvent;
import org.holdspace.chat.GroupSnapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The facilitator's moderation and the members' turn-taking, each an event in the group's log written under the
 * group's lock, so every node and every replay agrees. Facilitator actions are audited in the same transaction.
 */
public final class ModerationService {
  private static final String MEMBER_ROLE = "SELECT role FROM group_members WHERE group_id = $1 AND user_id = $2";
  private static final String REDACT = "UPDATE group_events SET body = (body - 'text') || '{\"redacted\": true}' "
      + "WHERE group_id = $1 AND seq = $2 AND kind = 'message' AND NOT (body ? 'redacted')";
  private static final String EVENT_KIND = "SELECT kind FROM group_events WHERE group_id = $1 AND seq = $2";
  private static final String PRESENT_MEMBERS = "SELECT DISTINCT p.user_id, m.enrolled_at FROM presence p "
      + "JOIN group_members m ON m.group_id = p.group_id AND m.user_id = p.user_id "
      + "WHERE p.group_id = $1 AND m.role = 'member' ORDER BY m.enrolled_at, p.user_id";

  private final EventLog log;
  private final AuditLog audit;

  public ModerationService(EventLog log, AuditLog audit) {
    this.log = log;
    this.audit = audit;
  }

  private static ChatError notLive() {
    return new ChatError("not_live", "no session is live");
  }

  private static Long seqOf(List<JsonObject> events) {
    return events.isEmpty() ? null : events.get(events.size() - 1).getLong("seq");
  }

  /** Fails unless the account is an enrolled member (not a facilitator) of the group. */
  private static Future<Void> requireMember(SqlConnection tx, long groupId, long userId) {
    return tx.preparedQuery(MEMBER_ROLE).execute(Tuple.of(groupId, userId)).map(rows -> {
      if (rows.size() == 0 || !"member".equals(rows.iterator().next().getString(0))) {
        throw new ChatError("not_found", "userId: not a member of this group");
      }
      return null;
    });
  }

  private Future<List<NewEvent>> audited(SqlConnection tx, AuthUser actor, String action, long groupId, Long subject,
                                         List<NewEvent> events) {
    if (events.isEmpty()) {
      return Future.succeededFuture(events);
    }
    return audit.record(tx, actor.id(), action, groupId, subject, null).map(events);
  }

  public Future<Long> mute(AuthUser facilitator, long groupId, long userId, Double minutes) {
    return log.change(groupId, (tx, s) -> requireMember(tx, groupId, userId).compose(v -> {
      Long until = minutes == null ? null : System.currentTimeMillis() + Math.round(minutes * 60_000);
      s.state.mute(userId, until);
      JsonObject body = new JsonObject().put("userId", userId)
          .put("until", until == null ? null : Instant.ofEpochMilli(until).toString());
      return audited(tx, facilitator, "moderation.mute", groupId, userId,
          List.of(new NewEvent("mute", facilitator, null, body)));
    })).map(ModerationService::seqOf);
  }

  public Future<Long> unmute(AuthUser facilitator, long groupId, long userId) {
    return log.change(groupId, (tx, s) -> requireMember(tx, groupId, userId).compose(v -> {
      if (!s.state.unmute(userId)) {
        return Future.succeededFuture(List.<NewEvent>of());
      }
      return audited(tx, facilitator, "moderation.unmute", groupId, userId,
          List.of(new NewEvent("unmute", facilitator, null, new JsonObject().put("userId", userId)
              .put("expired", false))));
    })).map(ModerationService::seqOf);
  }

  public Future<Long> redact(AuthUser facilitator, long groupId, long seq) {
    return log.change(groupId, (tx, s) -> tx.preparedQuery(EVENT_KIND).execute(Tuple.of(groupId, seq))
        .compose(rows -> {
          if (rows.size() == 0 || !"message".equals(rows.iterator().next().getString(0))) {
            return Future.failedFuture(new ChatError("not_found", "seq: no message with this seq"));
          }
          return tx.preparedQuery(REDACT).execute(Tuple.of(groupId, seq));
        })
        .compose(updated -> updated.rowCount() == 0
            ? Future.succeededFuture(List.<NewEvent>of())
            : audited(tx, facilitator, "moderation.redact", groupId, null,
                List.of(new NewEvent("redact", facilitator, null, new JsonObject().put("targetSeq", seq))))))
        .map(ModerationService::seqOf);
  }

  public Future<Long> lock(AuthUser facilitator, long groupId, boolean locked) {
    return log.change(groupId, (tx, s) -> {
      if (s.state.locked() == locked) {
        return Future.succeededFuture(List.<NewEvent>of());
      }
      s.state.setLocked(locked);
      return audited(tx, facilitator, locked ? "moderation.lock" : "moderation.unlock", groupId, null,
          List.of(new NewEvent(locked ? "lock" : "unlock", facilitator, null, new JsonObject())));
    }).map(ModerationService::seqOf);
  }

  public Future<Long> remove(AuthUser facilitator, long groupId, long userId) {
    return log.change(groupId, (tx, s) -> {
      if (!s.live()) {
        return Future.failedFuture(notLive());
      }
      return requireMember(tx, groupId, userId).compose(v -> {
        if (s.state.isRemoved(userId)) {
          return Future.succeededFuture(List.<NewEvent>of());
        }
        s.state.remove(userId);
        return audited(tx, facilitator, "moderation.remove", groupId, userId,
            List.of(new NewEvent("remove", facilitator, null, new JsonObject().put("userId", userId))));
      });
    }).map(ModerationService::seqOf);
  }

  /** Gives the floor to a member (null takes it back). */
  public Future<Long> giveFloor(AuthUser facilitator, long groupId, Long userId) {
    return log.change(groupId, (tx, s) -> {
      if (!s.live()) {
        return Future.failedFuture(notLive());
      }
      Future<Void> check = userId == null ? Future.succeededFuture() : requireMember(tx, groupId, userId);
      return check.compose(v -> {
        if (userId != null && s.state.isRemoved(userId)) {
          return Future.failedFuture(new ChatError("forbidden", "userId: removed from this session"));
        }
        if (java.util.Objects.equals(s.state.floor(), userId)) {
          return Future.succeededFuture(List.<NewEvent>of());
        }
        s.state.setFloor(userId);
        return audited(tx, facilitator, "moderation.floor", groupId, userId,
            List.of(new NewEvent("floor", facilitator, null, new JsonObject().put("userId", userId))));
      });
    }).map(ModerationService::seqOf);
  }

  public Future<Long> slowMode(AuthUser facilitator, long groupId, int seconds) {
    return log.change(groupId, (tx, s) -> {
      if (s.state.slowModeSeconds() == seconds) {
        return Future.succeededFuture(List.<NewEvent>of());
      }
      s.state.setSlowModeSeconds(seconds);
      return audited(tx, facilitator, "moderation.slow_mode", groupId, null,
          List.of(new NewEvent("slow_mode", facilitator, null, new JsonObject().put("seconds", seconds))));
    }).map(ModerationService::seqOf);
  }

  /** Raises or lowers the member's own hand during a live session. */
  public Future<Long> hand(AuthUser member, long groupId, boolean raise) {
    return log.change(groupId, s -> {
      if (!s.live()) {
        throw notLive();
      }
      if (s.state.isRemoved(member.id())) {
        throw new ChatError("forbidden", "you were removed from this session");
      }
      boolean changed = raise ? s.state.raiseHand(member.id()) : s.state.lowerHand(member.id());
      return changed
          ? List.of(new NewEvent(raise ? "hand_raised" : "hand_lowered", member, null,
              new JsonObject().put("userId", member.id())))
          : List.of();
    }).map(ModerationService::seqOf);
  }

  /** Starts a go-round over the members present now, in enrolment order. */
  public Future<Long> startRound(AuthUser facilitator, long groupId, String prompt, Integer turnSeconds) {
    return log.change(groupId, (tx, s) -> {
      if (!s.live()) {
        return Future.failedFuture(notLive());
      }
      return tx.preparedQuery(PRESENT_MEMBERS).execute(Tuple.of(groupId)).compose(rows -> {
        List<Long> order = new ArrayList<>();
        rows.forEach(r -> {
          if (!s.state.isRemoved(r.getLong(0))) {
            order.add(r.getLong(0));
          }
        });
        if (order.isEmpty()) {
          return Future.failedFuture(new ChatError("not_found", "no member is present for a go-round"));
        }
        List<NewEvent> events = new ArrayList<>();
        events.add(new NewEvent("round_started", facilitator, null, new JsonObject().put("prompt", prompt)
            .put("order", new io.vertx.core.json.JsonArray(order)).put("turnSeconds", turnSeconds)));
        s.state.setRound(new GroupState.Round(prompt, order, -1, turnSeconds, null));
        events.addAll(Rounds.advance(s.state, facilitator, System.currentTimeMillis()));
        return audited(tx, facilitator, "moderation.round_start", groupId, null, events);
      });
    }).map(ModerationService::seqOf);
  }

  /** Ends the current turn: the facilitator moving on, or the member passing on their own turn. */
  public Future<Long> nextTurn(AuthUser actor, long groupId, boolean pass) {
    return log.change(groupId, (tx, s) -> {
      GroupState.Round round = s.state.round();
      if (round == null) {
        return Future.failedFuture(new ChatError("not_found", "no go-round is running"));
      }
      List<NewEvent> events = new ArrayList<>();
      if (pass) {
        if (!java.util.Objects.equals(round.current(), actor.id())) {
          return Future.failedFuture(new ChatError("forbidden", "it is not your turn"));
        }
        events.add(new NewEvent("round_passed", actor, null, new JsonObject().put("userId", actor.id())));
      }
      events.addAll(Rounds.advance(s.state, actor, System.currentTimeMillis()));
      return pass ? Future.succeededFuture(events)
          : audited(tx, actor, "moderation.round_next", groupId, null, events);
    }).map(ModerationService::seqOf);
  }

  public Future<Long> endRound(AuthUser facilitator, long groupId) {
    return log.change(groupId, (tx, s) -> {
      if (s.state.round() == null) {
        return Future.succeededFuture(List.<NewEvent>of());
      }
      return audited(tx, facilitator, "moderation.round_end", groupId, null, Rounds.end(s.state, facilitator));
    }).map(ModerationService::seqOf);
  }

  /** Applies what has run out by {@code now} (timed mutes, turn budgets); nothing when another node did it first. */
  public Future<List<JsonObject>> expire(long groupId, long now) {
    return log.change(groupId, (GroupSnapshot s) -> {
      List<NewEvent> events = new ArrayList<>();
      for (Long userId : s.state.expiredMutes(now)) {
        s.state.unmute(userId);
        events.add(new NewEvent("unmute", null, null, new JsonObject().put("userId", userId).put("expired", true)));
      }
      GroupState.Round round = s.state.round();
      if (round != null && round.turnUntil() != null && round.turnUntil() <= now) {
        events.addAll(Rounds.advance(s.state, null, now));
      }
      return events;
    });
  }
}
