package org.holdspace.presence;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.holdspace.core.AuthUser;
import org.holdspace.core.Job;
import org.holdspace.core.Role;

/**
 * Keeps this node's heartbeat in the {@code nodes} table and ends the presence of sockets whose node stopped
 * beating (a crash or a restart), with the {@code leave} events their members would have had.
 */
public final class PresenceSweeper implements Job {
  private static final long BEAT_MS = 10_000;
  private static final String BEAT = "INSERT INTO nodes (node_id) VALUES ($1) "
      + "ON CONFLICT (node_id) DO UPDATE SET heartbeat_at = now()";
  private static final String ORPHANS = "SELECT p.group_id, p.connection_id, u.id, u.username, u.display_name, u.role "
      + "FROM presence p JOIN users u ON u.id = p.user_id WHERE p.node_id NOT IN "
      + "(SELECT node_id FROM nodes WHERE heartbeat_at > now() - interval '30 seconds') LIMIT 500";
  private static final String FORGET_NODES = "DELETE FROM nodes WHERE heartbeat_at < now() - interval '1 day'";

  private final Pool pool;
  private final Presence presence;

  public PresenceSweeper(Pool pool, Presence presence) {
    this.pool = pool;
    this.presence = presence;
  }

  @Override
  public String name() {
    return "Presence upkeep";
  }

  /** At once: a restarted node ends what its last run left behind before it serves. */
  @Override
  public long firstAfterMs() {
    return 0;
  }

  @Override
  public long everyMs() {
    return BEAT_MS;
  }

  /** Beats, then ends the presence of sockets on nodes that stopped beating; once stopped, the others sweep this one. */
  @Override
  public Future<Void> run() {
    return beat().compose(v -> sweep());
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
