package org.holdspace.presence;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.holdspace.core.AuthUser;
import org.holdspace.core.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's heartbeat in the {@code nodes} table and ends the presence of sockets whose node stopped
 * beating (a crash or a restart), with the {@code leave} events their members would have had.
 */
public final class PresenceSweeper {
  private static final Logger LOG = LoggerFactory.getLogger(PresenceSweeper.class);
  private static final long BEAT_MS = 10_000;
  private static final String BEAT = "INSERT INTO nodes (node_id) VALUES ($1) "
      + "ON CONFLICT (node_id) DO UPDATE SET heartbeat_at = now()";
  private static final String ORPHANS = "SELECT p.group_id, p.connection_id, u.id, u.username, u.display_name, u.role "
      + "FROM presence p JOIN users u ON u.id = p.user_id WHERE p.node_id NOT IN "
      + "(SELECT node_id FROM nodes WHERE heartbeat_at > now() - interval '30 seconds') LIMIT 500";
  private static final String FORGET_NODES = "DELETE FROM nodes WHERE heartbeat_at < now() - interval '1 day'";

  private final Vertx vertx;
  private final Pool pool;
  private final Presence presence;
  private long timer = -1;

  public PresenceSweeper(Vertx vertx, Pool pool, Presence presence) {
    this.vertx = vertx;
    this.pool = pool;
    this.presence = presence;
  }

  public Future<Void> start() {
    timer = vertx.setPeriodic(BEAT_MS, BEAT_MS, id -> beat().compose(v -> sweep())
        .onFailure(e -> LOG.warn("Presence upkeep failed: {}", e.getMessage())));
    return beat().compose(v -> sweep());
  }

  /** Stops the heartbeat (before the pool closes, at shutdown); the other nodes then sweep this node's sockets. */
  public void stop() {
    vertx.cancelTimer(timer);
  }

  private Future<Void> beat() {
    return pool.preparedQuery(BEAT).execute(Tuple.of(presence.nodeId())).mapEmpty();
  }

  private Future<Void> sweep() {
    return pool.query(ORPHANS).execute().compose(rows -> {
      Future<Void> chain = Future.succeededFuture();
      for (Row r : rows) {
        AuthUser user = new AuthUser(r.getLong("id"), r.getString("username"), r.getString("display_name"),
            Role.fromWire(r.getString("role")));
        long groupId = r.getLong("group_id");
        String connection = r.getString("connection_id");
        chain = chain.compose(v -> presence.leave(groupId, user, connection));
      }
      return chain;
    }).compose(v -> pool.query(FORGET_NODES).execute().mapEmpty());
  }
}
