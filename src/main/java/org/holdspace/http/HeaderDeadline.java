package org.holdspace.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import java.util.HashMap;
import java.util.Map;

/**
 * A deadline for a request's head: a connection that has not delivered a whole request head within the deadline of
 * opening, or of its last answer going out, is closed. The idle timeout alone lets a client that sends a byte every
 * few seconds hold a connection for ever. A request asking for a WebSocket ends the deadline (the socket has its
 * pings and the idle timeout). The check runs four times a deadline, so a connection goes within 1.25 deadlines.
 * One instance per server, used on its event loop only.
 */
public final class HeaderDeadline {
  private final Vertx vertx;
  private final long deadlineMillis;
  private final Map<HttpConnection, State> connections = new HashMap<>();

  private static final class State {
    long timer;
    /** The answer to the newest request; HTTP/1.1 answers in order, so when it is out, all are. */
    HttpServerResponse current;
    /** Since when the connection waits for a request's head with nothing in flight; -1 while an answer is due. */
    long waitingSince;
  }

  public HeaderDeadline(Vertx vertx, long deadlineMillis) {
    this.vertx = vertx;
    this.deadlineMillis = deadlineMillis;
  }

  /** For {@code HttpServer.connectionHandler}: starts the deadline of the first request's head. */
  public void opened(HttpConnection connection) {
    State state = new State();
    state.waitingSince = System.currentTimeMillis();
    state.timer = vertx.setPeriodic(Math.max(50, deadlineMillis / 4), tick -> check(connection, state));
    connections.put(connection, state);
    connection.closeHandler(closed -> {
      State gone = connections.remove(connection);
      if (gone != null) {
        vertx.cancelTimer(gone.timer);
      }
    });
  }

  /** Wraps the request handler: a request whose head arrived stops the clock until its answer is out. */
  public Handler<HttpServerRequest> around(Handler<HttpServerRequest> handler) {
    return request -> {
      State state = connections.get(request.connection());
      if (state != null) {
        if ("websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
          connections.remove(request.connection());
          vertx.cancelTimer(state.timer);
        } else {
          state.current = request.response();
          state.waitingSince = -1;
        }
      }
      handler.handle(request);
    };
  }

  private void check(HttpConnection connection, State state) {
    long now = System.currentTimeMillis();
    if (state.current != null && !state.current.ended()) {
      state.waitingSince = -1;
      return;
    }
    if (state.waitingSince < 0) {
      state.waitingSince = now;
    }
    if (now - state.waitingSince >= deadlineMillis) {
      vertx.cancelTimer(state.timer);
      connection.close();
    }
  }
}
