package org.holdspace.schedule;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The reminders owed and sent ({@code reminders_sent}). A reminder is claimed by the one statement that decides it
 * is due: the INSERT of its row, whose primary key (group, session, person, session time) lets exactly one node of a
 * cluster, and one run across restarts, have it. A claim holds a lease; a send that failed, or whose node died, is
 * claimed again by a conditional UPDATE once its lease or back-off has run out, while the session is still ahead.
 */
final class ReminderStore {
  // Sessions not held, not cancelled, still ahead and within the reminder time; their members still taking part and
  // their facilitators, with an address and an active account.
  private static final String CLAIM_NEW = "WITH claimed AS (INSERT INTO reminders_sent "
      + "(group_id, session_number, user_id, scheduled_at, next_try_at) "
      + "SELECT s.group_id, s.number, m.user_id, s.scheduled_at, now() + make_interval(secs => $2) "
      + "FROM group_sessions s JOIN groups g ON g.id = s.group_id "
      + "JOIN group_members m ON m.group_id = s.group_id AND m.role IN ('member', 'facilitator') "
      + "AND m.ended_at IS NULL "
      + "JOIN users u ON u.id = m.user_id AND u.email IS NOT NULL AND u.active "
      + "WHERE s.cancelled_at IS NULL AND s.started_at IS NULL AND s.number > g.current_session "
      + "AND s.scheduled_at > now() AND s.scheduled_at <= now() + make_interval(secs => $1) "
      + "ORDER BY s.scheduled_at LIMIT 200 "
      + "ON CONFLICT DO NOTHING RETURNING group_id, session_number, user_id, scheduled_at, attempts) ";
  private static final String CLAIM_RETRY = "WITH claimed AS (UPDATE reminders_sent r "
      + "SET next_try_at = now() + make_interval(secs => $1), attempts = r.attempts + 1 "
      + "FROM group_sessions s WHERE r.sent_at IS NULL AND r.next_try_at <= now() AND r.scheduled_at > now() "
      + "AND s.group_id = r.group_id AND s.number = r.session_number AND s.scheduled_at = r.scheduled_at "
      + "AND s.cancelled_at IS NULL AND s.started_at IS NULL "
      + "RETURNING r.group_id, r.session_number, r.user_id, r.scheduled_at, r.attempts) ";
  private static final String WITH_ADDRESS = "SELECT c.*, u.email, g.name, g.time_zone FROM claimed c "
      + "JOIN users u ON u.id = c.user_id JOIN groups g ON g.id = c.group_id WHERE u.email IS NOT NULL";
  private static final String SENT = "UPDATE reminders_sent SET sent_at = now() "
      + "WHERE group_id = $1 AND session_number = $2 AND user_id = $3 AND scheduled_at = $4";
  private static final String RETRY = "UPDATE reminders_sent SET next_try_at = now() + make_interval(secs => $5) "
      + "WHERE group_id = $1 AND session_number = $2 AND user_id = $3 AND scheduled_at = $4 AND sent_at IS NULL";

  /** A reminder this node now holds, with what its e-mail needs. */
  record Claim(long groupId, int number, long userId, Instant scheduledAt, int attempts, String email,
               String groupName, String timeZone) {
    Tuple key() {
      return Tuple.of(groupId, number, userId, scheduledAt.atOffset(java.time.ZoneOffset.UTC));
    }
  }

  /** Claims the reminders due now that nobody has claimed yet, for {@code leaseSeconds}. */
  Future<List<Claim>> claimNew(SqlClient client, double windowSeconds, double leaseSeconds) {
    return client.preparedQuery(CLAIM_NEW + WITH_ADDRESS).execute(Tuple.of(windowSeconds, leaseSeconds))
        .map(ReminderStore::claims);
  }

  /** Claims again the reminders whose send failed or was never recorded, once their wait has run out. */
  Future<List<Claim>> claimRetries(SqlClient client, double leaseSeconds) {
    return client.preparedQuery(CLAIM_RETRY + WITH_ADDRESS).execute(Tuple.of(leaseSeconds))
        .map(ReminderStore::claims);
  }

  Future<Void> sent(SqlClient client, Claim claim) {
    return client.preparedQuery(SENT).execute(claim.key()).mapEmpty();
  }

  Future<Void> retryIn(SqlClient client, Claim claim, double seconds) {
    return client.preparedQuery(RETRY).execute(claim.key().addDouble(seconds)).mapEmpty();
  }

  private static List<Claim> claims(RowSet<Row> rows) {
    List<Claim> claims = new ArrayList<>(rows.size());
    for (Row r : rows) {
      claims.add(new Claim(r.getLong("group_id"), r.getInteger("session_number"), r.getLong("user_id"),
          r.getOffsetDateTime("scheduled_at").toInstant(), r.getInteger("attempts"), r.getString("email"),
          r.getString("name"), r.getString("time_zone")));
    }
    return claims;
  }
}
