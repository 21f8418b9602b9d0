package org.holdspace.alert;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The escalation state of alerts. Every change is a conditional UPDATE, so among the nodes of a cluster exactly one
 * escalates an alert, and one at a time holds the lease to e-mail it.
 */
final class EscalationStore {
  private static final String ESCALATE_DUE = "UPDATE alerts SET escalated_at = now(), "
      + "mail_due_at = CASE WHEN $2 THEN now() END WHERE id IN (SELECT id FROM alerts WHERE status = 'open' "
      + "AND escalated_at IS NULL AND at <= now() - make_interval(secs => $1) ORDER BY id LIMIT 100 "
      + "FOR UPDATE SKIP LOCKED) AND escalated_at IS NULL RETURNING " + AlertStore.COLUMNS;
  private static final String ESCALATE_ONE = "UPDATE alerts SET escalated_at = now(), "
      + "mail_due_at = CASE WHEN $2 THEN now() END WHERE id = $1 AND status = 'open' AND escalated_at IS NULL "
      + "RETURNING " + AlertStore.COLUMNS;
  private static final String MAIL_DUE =
      "SELECT id FROM alerts WHERE mail_due_at <= now() ORDER BY mail_due_at LIMIT 20";
  private static final String MAIL_CLAIM = "UPDATE alerts SET mail_due_at = now() + make_interval(secs => $2), "
      + "mail_attempts = mail_attempts + 1 WHERE id = $1 AND mail_due_at <= now() "
      + "RETURNING group_id, kind, mail_attempts";
  private static final String MAIL_SENT = "UPDATE alerts SET mail_due_at = NULL, mailed_at = now() WHERE id = $1";
  private static final String MAIL_RETRY =
      "UPDATE alerts SET mail_due_at = now() + make_interval(secs => $2) WHERE id = $1 AND mail_due_at IS NOT NULL";
  // The group's facilitators and supervisors with an address.
  private static final String RECIPIENTS = "SELECT g.name, u.email FROM groups g "
      + "LEFT JOIN (SELECT group_id, user_id FROM group_members WHERE role = 'facilitator' "
      + "UNION SELECT group_id, user_id FROM group_supervisors) m ON m.group_id = g.id "
      + "LEFT JOIN users u ON u.id = m.user_id AND u.email IS NOT NULL AND u.active WHERE g.id = $1 ORDER BY u.id";

  /** An e-mail this node now holds the lease to send. */
  record Claim(long alertId, long groupId, String kind, int attempts) {
  }

  /** Who an escalation of a group is mailed to (its facilitators and supervisors), and the group's name. */
  record Recipients(String groupName, List<String> team) {
  }

  /** Escalates the open alerts raised at least {@code seconds} ago that are not escalated yet. */
  Future<List<AlertStore.Alert>> escalateDue(SqlClient client, double seconds, boolean mail) {
    return client.preparedQuery(ESCALATE_DUE).execute(Tuple.of(seconds, mail)).map(AlertStore::alerts);
  }

  /** Escalates one alert now, if it is open and not escalated yet. */
  Future<Optional<AlertStore.Alert>> escalate(SqlClient client, long alertId, boolean mail) {
    return client.preparedQuery(ESCALATE_ONE).execute(Tuple.of(alertId, mail)).map(AlertStore::first);
  }

  Future<List<Long>> mailDue(SqlClient client) {
    return client.query(MAIL_DUE).execute().map(rows -> {
      List<Long> ids = new ArrayList<>();
      rows.forEach(r -> ids.add(r.getLong(0)));
      return ids;
    });
  }

  /** Takes the lease on a due e-mail for {@code leaseSeconds}; empty when another node took it first. */
  Future<Optional<Claim>> claim(SqlClient client, long alertId, int leaseSeconds) {
    return client.preparedQuery(MAIL_CLAIM).execute(Tuple.of(alertId, (double) leaseSeconds)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row r = rows.iterator().next();
      return Optional.of(new Claim(alertId, r.getLong("group_id"), r.getString("kind"), r.getInteger("mail_attempts")));
    });
  }

  Future<Void> sent(SqlClient client, long alertId) {
    return client.preparedQuery(MAIL_SENT).execute(Tuple.of(alertId)).mapEmpty();
  }

  Future<Void> retryIn(SqlClient client, long alertId, long seconds) {
    return client.preparedQuery(MAIL_RETRY).execute(Tuple.of(alertId, (double) seconds)).mapEmpty();
  }

  Future<Recipients> recipients(SqlClient client, long groupId) {
    return client.preparedQuery(RECIPIENTS).execute(Tuple.of(groupId)).map(rows -> {
      String name = null;
      List<String> emails = new ArrayList<>();
      for (Row r : rows) {
        name = r.getString("name");
        if (r.getString("email") != null) {
          emails.add(r.getString("email"));
        }
      }
      return new Recipients(name == null ? "" : name, emails);
    });
  }
}
