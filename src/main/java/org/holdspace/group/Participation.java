package org.holdspace.group;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When each member of a group took part: enrolled at, and, for a member whose participation a facilitator ended
 * (a dropout), when and why. The reasons are shown to the group's facilitators only. Rows of {@code group_members}.
 */
public final class Participation {
  private static final String SPANS = "SELECT user_id, enrolled_at, ended_at, end_reason, enrol_override_reason "
      + "FROM group_members WHERE group_id = $1 AND role = 'member' ORDER BY enrolled_at, user_id";
  private static final String END = "UPDATE group_members SET ended_at = now(), ended_by = $3, end_reason = $4 "
      + "WHERE group_id = $1 AND user_id = $2 AND role = 'member' AND ended_at IS NULL RETURNING ended_at";
  private static final String OVERRIDE = "UPDATE group_members SET enrol_override_reason = $3 "
      + "WHERE group_id = $1 AND user_id = $2";

  /** One member's time in the group; {@code endedAt} is null while they take part. */
  public record Span(long userId, Instant enrolledAt, Instant endedAt, String endReason, String overrideReason) {
    public boolean ended() {
      return endedAt != null;
    }

    /** Whether a session that started at {@code startedAt} counts for the member (after enrolment, before the end). */
    public boolean expectedAt(Instant startedAt) {
      return !startedAt.isBefore(enrolledAt) && (endedAt == null || startedAt.isBefore(endedAt));
    }

    /** The roster's fields: {@code status} and {@code endedAt}; with the reasons for the facilitators. */
    public void describe(JsonObject person, boolean withReasons) {
      person.put("status", ended() ? "ended" : "active").put("enrolledAt", enrolledAt.toString())
          .put("endedAt", endedAt == null ? null : endedAt.toString());
      if (withReasons) {
        person.put("endReason", endReason).put("enrolOverrideReason", overrideReason);
      }
    }
  }

  /** Every member's span, by user id, in enrolment order. */
  public Future<Map<Long, Span>> spans(SqlClient client, long groupId) {
    return client.preparedQuery(SPANS).execute(Tuple.of(groupId)).map(rows -> {
      Map<Long, Span> spans = new LinkedHashMap<>();
      for (Row r : rows) {
        spans.put(r.getLong("user_id"), new Span(r.getLong("user_id"), instant(r, "enrolled_at"),
            instant(r, "ended_at"), r.getString("end_reason"), r.getString("enrol_override_reason")));
      }
      return spans;
    });
  }

  /** Ends the member's participation; answers when, or null when it had ended already (or is no member). */
  public Future<Instant> end(SqlClient tx, long groupId, long userId, long by, String reason) {
    return tx.preparedQuery(END).execute(Tuple.of(groupId, userId, by, reason))
        .map(rows -> rows.size() == 0 ? null : instant(rows.iterator().next(), "ended_at"));
  }

  /** Keeps why the member was enrolled after enrolment had closed. */
  public Future<Void> noteOverride(SqlClient tx, long groupId, long userId, String reason) {
    return tx.preparedQuery(OVERRIDE).execute(Tuple.of(groupId, userId, reason)).mapEmpty();
  }

  private static Instant instant(Row r, String column) {
    OffsetDateTime at = r.getOffsetDateTime(column);
    return at == null ? null : at.toInstant();
  }
}
