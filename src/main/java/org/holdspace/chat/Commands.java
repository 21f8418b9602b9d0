package org.holdspace.chat;

import io.vertx.core.Future;
import org.holdspace.alert.Alerts;
import org.holdspace.config.Config;
import org.holdspace.core.Refusal;
import org.holdspace.group.GroupAccess;
import org.holdspace.grouplog.MessageLog;
import org.holdspace.limits.SlidingWindowLimiter;
import org.holdspace.moderation.ModerationService;
import org.holdspace.moderation.Readmission;
import org.holdspace.session.SessionService;
import org.holdspace.whisper.Whispers;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/** Every frame type a socket answers, with who may send it and its checks: the one table of the {@code /ws} protocol. */
public final class Commands {
  private static final int MAX_CLIENT_ID = 100;
  private static final int MAX_PROMPT = 300;
  private static final int MAX_WHISPER = 4000;
  private static final int MAX_REASON = 500;
  private static final Consumer<Frame> NO_CHECK = f -> { };

  private final Map<String, Command> table = new TreeMap<>();

  private final SlidingWindowLimiter rate;

  private Commands(SlidingWindowLimiter rate) {
    this.rate = rate;
  }

  /** The services behind the frames. The message rate is counted per account over its sockets on this node. */
  public record Dependencies(SessionService sessions, ModerationService moderation, Readmission readmission,
                         MessageLog messages, Whispers whispers, Alerts alerts, SlidingWindowLimiter messageRate,
                         Config.ChatLimits limits) {
  }

  public static Commands of(Dependencies s) {
    Commands c = new Commands(s.messageRate());
    c.socket("hello", Command.Access.HELLO, false, call -> call.connection().hello(call.frame()));
    c.socket("join", Command.Access.SOCKET, false, call -> call.connection().join(call.frame()));
    c.socket("leave", Command.Access.SOCKET, true, call -> call.connection().leave(call.frame()));
    c.socket("typing", Command.Access.SOCKET, false, call -> call.connection().typing(call.frame()));
    c.counted("say", Command.Access.PARTICIPANT, f -> checkMessage(f, s.limits()), call -> say(s, call));
    c.facilitator("start_session", call -> s.sessions().start(call.user(), call.groupId())
        .map(SessionService.Outcome::seq));
    c.facilitator("end_session", call -> s.sessions().end(call.user(), call.groupId())
        .map(SessionService.Outcome::seq));
    ModerationService m = s.moderation();
    c.facilitator("mute", call -> {
      long userId = call.frame().userId();
      Double minutes = call.frame().optionalPositive("minutes", 7 * 24 * 60);
      return m.mute(call.user(), call.groupId(), userId, minutes);
    });
    c.facilitator("unmute", call -> m.unmute(call.user(), call.groupId(), call.frame().userId()));
    c.facilitator("redact", call -> m.redact(call.user(), call.groupId(), call.frame().positiveId("seq")));
    c.facilitator("lock", call -> m.lock(call.user(), call.groupId(), true));
    c.facilitator("unlock", call -> m.lock(call.user(), call.groupId(), false));
    c.facilitator("remove", call -> m.remove(call.user(), call.groupId(), call.frame().userId()));
    c.facilitator("readmit", call -> s.readmission().readmit(call.user(), call.groupId(), call.frame().userId()));
    c.facilitator("give_floor", call -> m.giveFloor(call.user(), call.groupId(), call.frame().userId()));
    c.facilitator("take_floor", call -> m.giveFloor(call.user(), call.groupId(), null));
    c.facilitator("slow_mode", call -> {
      Long seconds = call.frame().optionalCount("seconds");
      if (seconds == null || seconds > 3600) {
        throw Refusal.invalid("seconds: required, a whole number from 0 to 3600");
      }
      return m.slowMode(call.user(), call.groupId(), seconds.intValue());
    });
    c.facilitator("start_round", call -> {
      String prompt = boundedText(call.frame(), "prompt", MAX_PROMPT);
      Long turnSeconds = call.frame().optionalCount("turnSeconds");
      if (turnSeconds != null && (turnSeconds < 5 || turnSeconds > 1800)) {
        throw Refusal.invalid("turnSeconds: must be from 5 to 1800");
      }
      return m.startRound(call.user(), call.groupId(), prompt, turnSeconds == null ? null : turnSeconds.intValue());
    });
    c.facilitator("next_turn", call -> m.nextTurn(call.user(), call.groupId(), false));
    c.facilitator("end_round", call -> m.endRound(call.user(), call.groupId()));
    c.counted("raise_hand", Command.Access.MEMBER, NO_CHECK, call -> m.hand(call.user(), call.groupId(), true));
    c.counted("lower_hand", Command.Access.MEMBER, NO_CHECK, call -> m.hand(call.user(), call.groupId(), false));
    c.counted("pass", Command.Access.MEMBER, NO_CHECK, call -> m.nextTurn(call.user(), call.groupId(), true));
    c.counted("whisper", Command.Access.PARTICIPANT, f -> boundedText(f, "text", MAX_WHISPER),
        call -> whisper(s.whispers(), call));
    c.counted("report", Command.Access.MEMBER, Commands::checkReport, call -> report(s.alerts(), call));
    // Asking for help is never refused for having said too much.
    c.group("help", Command.Access.MEMBER, NO_CHECK,
        call -> s.alerts().help(call.user(), call.groupId()).map(answer -> (Long) null));
    return c;
  }

  /** The command of a frame type, or null for a type the socket does not know. */
  Command find(String type) {
    return table.get(type);
  }

  /** Every frame type, in order (the authorization test checks its table against it). */
  public Set<String> types() {
    return table.keySet();
  }

  private void socket(String type, Command.Access access, boolean acked, Command.Handler handler) {
    table.put(type, new Command(access, acked, NO_CHECK, handler));
  }

  private void group(String type, Command.Access access, Consumer<Frame> check, Command.Handler handler) {
    table.put(type, new Command(access, true, check, handler));
  }

  /**
   * A group frame that counts against the sender's message budget when they are a member of the group (the one place
   * the budget is taken): after its checks and the sender's standing, before its handler touches anything.
   */
  private void counted(String type, Command.Access access, Consumer<Frame> check, Command.Handler handler) {
    group(type, access, check, call -> {
      if (call.standing() == GroupAccess.Standing.MEMBER && !rate.tryAcquire(Long.toString(call.user().id()))) {
        return Future.failedFuture(Refusal.rateLimited("too many frames; wait a few seconds"));
      }
      return handler.run(call);
    });
  }

  private void facilitator(String type, Command.Handler handler) {
    group(type, Command.Access.FACILITATOR, NO_CHECK, handler);
  }

  /** The refusal of a frame type the table does not have, naming (the start of) the type. */
  static Refusal unknown(String type) {
    String shown = type.length() > 40 ? type.substring(0, 40) + "…" : type;
    return Refusal.invalid("type: unknown frame type '" + shown + "'");
  }

  private static void checkMessage(Frame frame, Config.ChatLimits limits) {
    String text = frame.text("text");
    String clientId = frame.optionalText("clientId");
    if (text.isBlank()) {
      throw Refusal.invalid("text: must not be empty");
    }
    if (text.codePointCount(0, text.length()) > limits.maxMessageLength()) {
      throw Refusal.tooLarge("text: at most " + limits.maxMessageLength() + " characters");
    }
    if (clientId != null && (clientId.isEmpty() || clientId.length() > MAX_CLIENT_ID)) {
      throw Refusal.invalid("clientId: must have 1 to " + MAX_CLIENT_ID + " characters");
    }
  }

  private static Future<Long> say(Dependencies s, Command.Call call) {
    boolean facilitator = call.standing() == GroupAccess.Standing.FACILITATOR;
    return s.messages().say(call.user(), facilitator, call.groupId(), call.frame().text("text"),
        call.frame().optionalText("clientId")).map(MessageLog.Said::seq);
  }

  private static Future<Long> whisper(Whispers whispers, Command.Call call) {
    String text = boundedText(call.frame(), "text", MAX_WHISPER);
    if (call.standing() == GroupAccess.Standing.FACILITATOR) {
      return whispers.toMember(call.user(), call.groupId(), call.frame().userId(), text);
    }
    if (call.frame().json().getValue("userId") != null) {
      throw Refusal.forbidden("userId: members write to the facilitators only");
    }
    return whispers.toFacilitators(call.user(), call.groupId(), text);
  }

  private static void checkReport(Frame frame) {
    frame.positiveId("seq");
    String reason = frame.optionalText("reason");
    if (reason != null && reason.length() > MAX_REASON) {
      throw Refusal.tooLarge("reason: at most " + MAX_REASON + " characters");
    }
  }

  private static Future<Long> report(Alerts alerts, Command.Call call) {
    long seq = call.frame().positiveId("seq");
    String reason = call.frame().optionalText("reason");
    return alerts.report(call.user(), call.groupId(), seq, reason).map(v -> (Long) null);
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
}
