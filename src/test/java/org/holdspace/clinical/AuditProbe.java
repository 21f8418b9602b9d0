package org.holdspace.clinical;

import org.holdspace.db.DatabaseUrl;
import org.holdspace.support.TestServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** Reads the audit log of a test server's database directly (there is no audit API to ask). */
final class AuditProbe {
  private AuditProbe() {
  }

  /** Records of the action in the group, by anyone about anyone. */
  static long count(TestServer server, long groupId, String action) {
    return query(server, "SELECT count(*) FROM audit_log WHERE group_id = ? AND action = ?", s -> {
      s.setLong(1, groupId);
      s.setString(2, action);
    }).stream().mapToLong(Long::parseLong).sum();
  }

  /** Records of the action in the group by the actor about the subject (null: about no single member). */
  static long countBy(TestServer server, long groupId, String action, long actorId, Long subjectId) {
    return query(server, "SELECT count(*) FROM audit_log WHERE group_id = ? AND action = ? AND actor_id = ? "
        + "AND subject_id IS NOT DISTINCT FROM ?", s -> {
          s.setLong(1, groupId);
          s.setString(2, action);
          s.setLong(3, actorId);
          if (subjectId == null) {
            s.setNull(4, Types.BIGINT);
          } else {
            s.setLong(4, subjectId);
          }
        }).stream().mapToLong(Long::parseLong).sum();
  }

  /** Every audit detail of the group as JSON text, to check that no clinical content went into them. */
  static List<String> details(TestServer server, long groupId) {
    return query(server, "SELECT detail::text FROM audit_log WHERE group_id = ? ORDER BY id",
        s -> s.setLong(1, groupId));
  }

  private interface Binder {
    void bind(PreparedStatement s) throws SQLException;
  }

  private static List<String> query(TestServer server, String sql, Binder binder) {
    DatabaseUrl url = DatabaseUrl.parse(server.config().databaseUrl().orElseThrow());
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
         PreparedStatement s = c.prepareStatement(sql)) {
      binder.bind(s);
      List<String> values = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          values.add(r.getString(1));
        }
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException("audit query failed", e);
    }
  }
}
