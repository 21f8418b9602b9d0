package org.holdspace.chat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.holdspace.auth.AuthUser;
import org.holdspace.db.SqlErrors;
import org.holdspace.moderation.SpeakingRules;

import java.util.List;

/** Messages: checked against the group's state, stored, acknowledged with their seq, idempotent by clientId. */
public final class ChatService {
  private final EventLog log;

  public ChatService(EventLog log) {
    this.log = log;
  }

  /** The seq of the stored message, and whether it was stored by an earlier frame with the same clientId. */
  public record Said(long seq, boolean duplicate) {
  }

  public Future<Said> say(AuthUser user, boolean facilitator, long groupId, String text, String clientId) {
    return log.change(groupId, snapshot -> {
          SpeakingRules.refusal(facilitator, user.id(), snapshot.live(), snapshot.state, System.currentTimeMillis())
              .ifPresent(code -> {
                throw new ChatError(code, refusalMessage(code));
              });
          return List.of(new EventLog.NewEvent("message", user, clientId, new JsonObject().put("text", text)));
        })
        .map(events -> new Said(events.get(0).getLong("seq"), false))
        .recover(failure -> {
          if (clientId == null || !(failure instanceof ChatError || SqlErrors.isUniqueViolation(failure))) {
            return Future.failedFuture(failure);
          }
          return log.seqOfClientId(groupId, user.id(), clientId)
              .compose(seq -> seq == null ? Future.failedFuture(failure) : Future.succeededFuture(new Said(seq, true)));
        });
  }

  private static String refusalMessage(String code) {
    return switch (code) {
      case "not_live" -> "no session is live";
      case "muted" -> "you are muted";
      case "locked" -> "the chat is locked; only the floor holder may speak";
      default -> "not allowed";
    };
  }
}
