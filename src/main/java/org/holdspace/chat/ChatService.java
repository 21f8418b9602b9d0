package org.holdspace.chat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.holdspace.alert.Alerts;
import org.holdspace.auth.AuthUser;
import org.holdspace.db.SqlErrors;
import org.holdspace.moderation.RiskPhrases;
import org.holdspace.moderation.SpeakingRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Messages: checked against the group's state, stored, acknowledged with their seq, idempotent by clientId.
 * A message with a risk phrase raises an alert to the facilitators; the member is neither blocked nor told.
 */
public final class ChatService {
  private static final Logger LOG = LoggerFactory.getLogger(ChatService.class);
  private static final String LAST_MESSAGE_AT = "SELECT at FROM group_events WHERE group_id = $1 AND actor_id = $2 "
      + "AND kind = 'message' ORDER BY seq DESC LIMIT 1";

  private final EventLog log;
  private final Alerts alerts;
  private final RiskPhrases riskPhrases;

  public ChatService(EventLog log, Alerts alerts, RiskPhrases riskPhrases) {
    this.log = log;
    this.alerts = alerts;
    this.riskPhrases = riskPhrases;
  }

  /** The seq of the stored message, and whether it was stored by an earlier frame with the same clientId. */
  public record Said(long seq, boolean duplicate) {
  }

  public Future<Said> say(AuthUser user, boolean facilitator, long groupId, String text, String clientId) {
    return log.change(groupId, (tx, snapshot) -> {
          long now = System.currentTimeMillis();
          SpeakingRules.refusal(facilitator, user.id(), snapshot.live(), snapshot.state, now).ifPresent(code -> {
            throw new ChatError(code, refusalMessage(code));
          });
          int slow = snapshot.state.slowModeSeconds();
          Future<Void> slowCheck = facilitator || slow == 0 ? Future.succeededFuture() : slowMode(tx, groupId, user, slow);
          return slowCheck.map(v -> List.of(new EventLog.NewEvent("message", user, clientId,
              new JsonObject().put("text", text))));
        })
        .map(events -> {
          long seq = events.get(0).getLong("seq");
          if (!facilitator && riskPhrases.matches(text)) {
            alerts.raise(groupId, user.id(), "risk_phrase", new JsonObject().put("seq", seq))
                .onFailure(e -> LOG.error("Could not raise a risk alert in group {}: {}", groupId, e.getMessage()));
          }
          return new Said(seq, false);
        })
        .recover(failure -> {
          if (clientId == null || !(failure instanceof ChatError || SqlErrors.isUniqueViolation(failure))) {
            return Future.failedFuture(failure);
          }
          return log.seqOfClientId(groupId, user.id(), clientId)
              .compose(seq -> seq == null ? Future.failedFuture(failure) : Future.succeededFuture(new Said(seq, true)));
        });
  }

  private static Future<Void> slowMode(SqlConnection tx, long groupId, AuthUser user, int seconds) {
    return tx.preparedQuery(LAST_MESSAGE_AT).execute(Tuple.of(groupId, user.id())).map(rows -> {
      if (rows.size() > 0) {
        OffsetDateTime last = rows.iterator().next().getOffsetDateTime(0);
        long waited = System.currentTimeMillis() - last.toInstant().toEpochMilli();
        if (waited < seconds * 1000L) {
          throw new ChatError("rate_limited", "slow mode: one message every " + seconds + " seconds");
        }
      }
      return null;
    });
  }

  private static String refusalMessage(String code) {
    return switch (code) {
      case "not_live" -> "no session is live";
      case "muted" -> "you are muted";
      case "locked" -> "the chat is locked; only the floor holder may speak";
      case "forbidden" -> "you were removed from this session";
      default -> "not allowed";
    };
  }
}
