package org.holdspace.group;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;

/**
 * The store of a group's team: its facilitators (rows of {@code group_members} with role {@code facilitator}) and
 * its supervisors ({@code group_supervisors}), and the facilitator accounts that could join it.
 */
final class Team {
  private static final String COUNT_FACILITATORS =
      "SELECT count(*) FROM group_members WHERE group_id = $1 AND role = 'facilitator'";
  private static final String REMOVE_FACILITATOR =
      "DELETE FROM group_members WHERE group_id = $1 AND user_id = $2 AND role = 'facilitator'";
  private static final String SUPERVISORS = "SELECT u.id, u.display_name FROM group_supervisors s "
      + "JOIN users u ON u.id = s.user_id WHERE s.group_id = $1 ORDER BY s.added_at, u.id";
  private static final String ADD_SUPERVISOR =
      "INSERT INTO group_supervisors (group_id, user_id, added_by) VALUES ($1, $2, $3)";
  private static final String REMOVE_SUPERVISOR = "DELETE FROM group_supervisors WHERE group_id = $1 AND user_id = $2";
  private static final String CANDIDATES = "SELECT id, username, display_name FROM users WHERE role = 'facilitator' "
      + "AND active AND id NOT IN (SELECT user_id FROM group_members WHERE group_id = $1) "
      + "AND (lower(username) LIKE $2 OR lower(display_name) LIKE $2) ORDER BY lower(display_name), id LIMIT $3";

  /** Someone on a group's team, as lists show them. */
  record Person(long id, String displayName) {
    JsonObject toJson() {
      return new JsonObject().put("id", id).put("displayName", displayName);
    }
  }

  Future<Long> countFacilitators(SqlClient client, long groupId) {
    return client.preparedQuery(COUNT_FACILITATORS).execute(Tuple.of(groupId))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  /** Whether a facilitator row was there to remove. */
  Future<Boolean> removeFacilitator(SqlClient client, long groupId, long userId) {
    return client.preparedQuery(REMOVE_FACILITATOR).execute(Tuple.of(groupId, userId)).map(r -> r.rowCount() == 1);
  }

  Future<List<Person>> supervisors(SqlClient client, long groupId) {
    return client.preparedQuery(SUPERVISORS).execute(Tuple.of(groupId))
        .map(rows -> people(rows, r -> new Person(r.getLong("id"), r.getString("display_name"))));
  }

  /** Fails with a unique violation (23505) when the account supervises the group already. */
  Future<Void> addSupervisor(SqlClient client, long groupId, long userId, long addedBy) {
    return client.preparedQuery(ADD_SUPERVISOR).execute(Tuple.of(groupId, userId, addedBy)).mapEmpty();
  }

  /** Whether a supervisor row was there to remove. */
  Future<Boolean> removeSupervisor(SqlClient client, long groupId, long userId) {
    return client.preparedQuery(REMOVE_SUPERVISOR).execute(Tuple.of(groupId, userId)).map(r -> r.rowCount() == 1);
  }

  /** Active facilitator accounts not on the group yet whose username or display name contains {@code query}. */
  Future<List<JsonObject>> candidates(SqlClient client, long groupId, String query, int limit) {
    String like = "%" + query.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
        .replace("_", "\\_") + "%";
    return client.preparedQuery(CANDIDATES).execute(Tuple.of(groupId, like, limit))
        .map(rows -> people(rows, r -> new JsonObject().put("id", r.getLong("id"))
            .put("username", r.getString("username")).put("displayName", r.getString("display_name"))));
  }

  private static <T> List<T> people(RowSet<Row> rows, java.util.function.Function<Row, T> read) {
    List<T> list = new ArrayList<>(rows.size());
    rows.forEach(r -> list.add(read.apply(r)));
    return list;
  }
}
