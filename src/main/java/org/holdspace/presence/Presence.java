package org.holdspace.presence;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.holdspace.core.AuthUser;
import org.holdspace.grouplog.Change;
import org.holdspace.grouplog.EventLog;
import org.holdspace.grouplog.GroupSnapshot;
import org.holdspace.grouplog.NewEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * Who is in a group's room: one row per joined socket; the first socket of an account appends a {@code join}
 * event and its last one a {@code leave} event, so two tabs make one presence. A member whose last socket goes
 * (a leave, a dropped connection, a crashed node swept) with a hand up has it lowered first ({@code hand_lowered}).
 */
public final class Presence {
  private static final String INSERT =
      "INSERT INTO presence (group_id, user_id, connection_id, node_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING";
  private static final String DELETE = "DELETE FROM presence WHERE group_id = $1 AND connection_id = $2";
  private static final String COUNT = "SELECT count(*) FROM presence WHERE group_id = $1 AND user_id = $2";
  private static final String PRESENT = "SELECT DISTINCT user_id FROM presence WHERE group_id = $1 ORDER BY user_id";

  private final Pool pool;
  private final EventLog log;
  private final String nodeId;

  public Presence(Pool pool, EventLog log, String nodeId) {
    this.pool = pool;
    this.log = log;
    this.nodeId = nodeId;
  }

  public Future<Void> enter(long groupId, AuthUser user, String connectionId) {
    return log.change(groupId, (tx, snapshot) -> tx.preparedQuery(INSERT)
        .execute(Tuple.of(groupId, user.id(), connectionId, nodeId))
        .compose(inserted -> tx.preparedQuery(COUNT).execute(Tuple.of(groupId, user.id()))
            .map(rows -> inserted.rowCount() == 1 && rows.iterator().next().getLong(0) == 1
                ? Change.of(snapshot, event("join", user))
                : Change.none(snapshot)))).mapEmpty();
  }

  public Future<Void> leave(long groupId, AuthUser user, String connectionId) {
    return log.change(groupId, (tx, snapshot) -> tx.preparedQuery(DELETE)
        .execute(Tuple.of(groupId, connectionId))
        .compose(deleted -> tx.preparedQuery(COUNT).execute(Tuple.of(groupId, user.id()))
            .map(rows -> deleted.rowCount() == 1 && rows.iterator().next().getLong(0) == 0
                ? gone(snapshot, user)
                : Change.none(snapshot)))).mapEmpty();
  }

  private static Change gone(GroupSnapshot snapshot, AuthUser user) {
    if (!snapshot.state().hasHandUp(user.id())) {
      return Change.of(snapshot, event("leave", user));
    }
    return Change.of(snapshot.with(snapshot.state().withHandLowered(user.id())),
        List.of(event("hand_lowered", user), event("leave", user)));
  }

  private static NewEvent event(String kind, AuthUser user) {
    return NewEvent.of(kind, user, new JsonObject().put("userId", user.id()));
  }

  /** The accounts with at least one socket in the group's room. */
  public Future<List<Long>> present(long groupId) {
    return pool.preparedQuery(PRESENT).execute(Tuple.of(groupId)).map(rows -> {
      List<Long> ids = new ArrayList<>();
      for (Row r : rows) {
        ids.add(r.getLong(0));
      }
      return ids;
    });
  }

  public String nodeId() {
    return nodeId;
  }
}
