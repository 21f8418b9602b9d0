package org.holdspace.support;

import org.holdspace.db.DatabaseUrl;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Counts audit records in a test server's database directly, to check that an act or a read was audited. */
public final class AuditTrail {
  private AuditTrail() {
  }

  /** Records of the action in the group; a null actor or subject matches any. */
  public static long count(TestServer server, long groupId, String action, Long actorId, Long subjectId) {
    DatabaseUrl url = DatabaseUrl.parse(server.config().databaseUrl().orElseThrow());
    String sql = "SELECT count(*) FROM audit_log WHERE group_id = ? AND action = ? "
        + "AND (?::bigint IS NULL OR actor_id = ?::bigint) AND (?::bigint IS NULL OR subject_id = ?::bigint)";
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
         PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, groupId);
      s.setString(2, action);
      s.setObject(3, actorId);
      s.setObject(4, actorId);
      s.setObject(5, subjectId);
      s.setObject(6, subjectId);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
