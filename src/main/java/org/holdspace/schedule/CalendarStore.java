package org.holdspace.schedule;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Calendar feed tokens ({@code calendar_tokens}) and the sessions a feed lists. */
final class CalendarStore {
  // ON CONFLICT DO UPDATE of the key only: answers the token the account already has, or the new one.
  private static final String KEEP = "INSERT INTO calendar_tokens (user_id, token) VALUES ($1, $2) "
      + "ON CONFLICT (user_id) DO UPDATE SET user_id = EXCLUDED.user_id RETURNING token";
  private static final String ROTATE = "INSERT INTO calendar_tokens (user_id, token) VALUES ($1, $2) "
      + "ON CONFLICT (user_id) DO UPDATE SET token = EXCLUDED.token, created_at = now() RETURNING token";
  private static final String OWNER = "SELECT t.user_id FROM calendar_tokens t JOIN users u ON u.id = t.user_id "
      + "WHERE t.token = $1 AND u.active";
  private static final String SESSIONS = "SELECT g.id, g.name, g.duration_minutes, s.number, s.scheduled_at "
      + "FROM group_members m JOIN groups g ON g.id = m.group_id "
      + "JOIN group_sessions s ON s.group_id = g.id AND s.cancelled_at IS NULL "
      + "WHERE m.user_id = $1 AND m.ended_at IS NULL ORDER BY s.scheduled_at, g.id, s.number";

  /** One session of one of the account's groups, as its feed shows it. */
  record Entry(long groupId, String groupName, int durationMinutes, int number, Instant scheduledAt) {
  }

  /** The account's token: the one it has, or {@code fresh} stored as its first. */
  Future<String> keep(SqlClient client, long userId, String fresh) {
    return client.preparedQuery(KEEP).execute(Tuple.of(userId, fresh)).map(rows -> rows.iterator().next().getString(0));
  }

  /** Replaces the account's token by {@code fresh}: the old feed address stops working. */
  Future<String> rotate(SqlClient client, long userId, String fresh) {
    return client.preparedQuery(ROTATE).execute(Tuple.of(userId, fresh))
        .map(rows -> rows.iterator().next().getString(0));
  }

  /** The active account the token belongs to. */
  Future<Optional<Long>> owner(SqlClient client, String token) {
    return client.preparedQuery(OWNER).execute(Tuple.of(token))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getLong(0)));
  }

  Future<List<Entry>> sessions(SqlClient client, long userId) {
    return client.preparedQuery(SESSIONS).execute(Tuple.of(userId)).map(rows -> {
      List<Entry> entries = new ArrayList<>(rows.size());
      for (Row r : rows) {
        entries.add(new Entry(r.getLong("id"), r.getString("name"), r.getInteger("duration_minutes"),
            r.getInteger("number"), r.getOffsetDateTime("scheduled_at").toInstant()));
      }
      return entries;
    });
  }
}
