package org.holdspace.moderation;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.holdspace.alert.Alerts;
import org.holdspace.core.Refusal;
import org.holdspace.chat.Frame;
import org.holdspace.chat.GroupCommand;
import org.holdspace.whisper.Whispers;
import org.holdspace.group.GroupAccess;

import java.util.Map;

import static org.holdspace.chat.GroupCommand.facilitatorOnly;

/** The WebSocket frames of moderation and turn-taking, each validated before anything changes. */
public final class ModerationCommands {
  private static final int MAX_PROMPT = 300;
  private static final int MAX_WHISPER = 4000;
  private static final int MAX_REASON = 500;

  private ModerationCommands() {
  }

  public static void register(Map<String, GroupCommand> commands, ModerationService moderation, Whispers whispers,
                              Alerts alerts) {
    commands.put("mute", facilitatorOnly((u, s, g, f) -> {
      long userId = f.userId();
      Double minutes = f.optionalPositive("minutes", 7 * 24 * 60);
      return moderation.mute(u, g, userId, minutes);
    }));
    commands.put("unmute", facilitatorOnly((u, s, g, f) -> moderation.unmute(u, g, f.userId())));
    commands.put("redact", facilitatorOnly((u, s, g, f) -> moderation.redact(u, g, f.positiveId("seq"))));
    commands.put("lock", facilitatorOnly((u, s, g, f) -> moderation.lock(u, g, true)));
    commands.put("unlock", facilitatorOnly((u, s, g, f) -> moderation.lock(u, g, false)));
    commands.put("remove", facilitatorOnly((u, s, g, f) -> moderation.remove(u, g, f.userId())));
    commands.put("give_floor", facilitatorOnly((u, s, g, f) -> moderation.giveFloor(u, g, f.userId())));
    commands.put("take_floor", facilitatorOnly((u, s, g, f) -> moderation.giveFloor(u, g, null)));
    commands.put("slow_mode", facilitatorOnly((u, s, g, f) -> {
      Long seconds = f.optionalCount("seconds");
      if (seconds == null || seconds > 3600) {
        throw Refusal.invalid("seconds: required, a whole number from 0 to 3600");
      }
      return moderation.slowMode(u, g, seconds.intValue());
    }));
    commands.put("start_round", facilitatorOnly((u, s, g, f) -> {
      String prompt = boundedText(f, "prompt", MAX_PROMPT);
      Long turnSeconds = f.optionalCount("turnSeconds");
      if (turnSeconds != null && (turnSeconds < 5 || turnSeconds > 1800)) {
        throw Refusal.invalid("turnSeconds: must be from 5 to 1800");
      }
      return moderation.startRound(u, g, prompt, turnSeconds == null ? null : turnSeconds.intValue());
    }));
    commands.put("next_turn", facilitatorOnly((u, s, g, f) -> moderation.nextTurn(u, g, false)));
    commands.put("end_round", facilitatorOnly((u, s, g, f) -> moderation.endRound(u, g)));
    commands.put("raise_hand", memberOnly((u, s, g, f) -> moderation.hand(u, g, true)));
    commands.put("lower_hand", memberOnly((u, s, g, f) -> moderation.hand(u, g, false)));
    commands.put("pass", memberOnly((u, s, g, f) -> moderation.nextTurn(u, g, true)));
    commands.put("whisper", (u, s, g, f) -> {
      String text = boundedText(f, "text", MAX_WHISPER);
      if (s == GroupAccess.Standing.FACILITATOR) {
        return whispers.toMember(u, g, f.userId(), text);
      }
      if (f.json().getValue("userId") != null) {
        throw Refusal.forbidden("userId: members write to the facilitators only");
      }
      return whispers.toFacilitators(u, g, text);
    });
    commands.put("report", memberOnly((u, s, g, f) -> {
      long seq = f.positiveId("seq");
      String reason = f.optionalText("reason");
      if (reason != null && reason.length() > MAX_REASON) {
        throw Refusal.tooLarge("reason: at most " + MAX_REASON + " characters");
      }
      JsonObject ref = new JsonObject().put("seq", seq).put("reason", reason);
      return alerts.raise(g, u.id(), "report", ref).map(a -> (Long) null);
    }));
  }

  private static String boundedText(Frame f, String field, int max) {
    String text = f.text(field);
    if (text.isBlank()) {
      throw Refusal.invalid(field + ": must not be empty");
    }
    if (text.length() > max) {
      throw Refusal.tooLarge(field + ": at most " + max + " characters");
    }
    return text;
  }

  private static GroupCommand memberOnly(GroupCommand command) {
    return (u, s, g, f) -> s == GroupAccess.Standing.MEMBER
        ? command.run(u, s, g, f)
        : Future.failedFuture(Refusal.forbidden("only members do this"));
  }
}
