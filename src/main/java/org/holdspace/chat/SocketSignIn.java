package org.holdspace.chat;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.holdspace.auth.SessionGate;
import org.holdspace.auth.Tokens;

import java.util.function.Consumer;

/**
 * The sign-in a socket runs on. When its token expires the socket is ended, unless a fresh {@code hello} of the same
 * account renewed it before; a frame on the account's address that ends sign-ins (a deactivation, a password change,
 * a sign-out of this sign-in) ends it at once.
 */
final class SocketSignIn {
  private final Vertx vertx;
  private final Consumer<String> end;
  private long timer = -1;
  private String sid;

  /** {@code end} is given the reason and sends it (as {@code unauthenticated}) before closing the socket. */
  SocketSignIn(Vertx vertx, Consumer<String> end) {
    this.vertx = vertx;
    this.end = end;
  }

  /** Runs the socket on this token until it expires. */
  void renew(Tokens.Verified token) {
    stop();
    sid = token.sid();
    long delay = Math.max(1, token.expiresAt().toEpochMilli() - System.currentTimeMillis());
    timer = vertx.setTimer(delay, id -> end.accept("the token expired; send hello with a fresh one first"));
  }

  /** The handler of the account's private frames: sent on, or, for frames that end sign-ins, ending this one. */
  Handler<Message<JsonObject>> privateFrames(Consumer<JsonObject> send) {
    return message -> {
      String which = message.headers().get(SessionGate.END_HEADER);
      if (which == null) {
        send.accept(message.body());
      } else if (which.equals("account") || which.equals("sid:" + sid)) {
        end.accept(message.body().getString("message", "this sign-in has ended"));
      }
    };
  }

  void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }
}
