package org.holdspace.clinical;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** A member's individual meetings as moved or marked held by a facilitator ({@code individual_meetings}). */
public final class MeetingStore {
  private static final String STORED = "SELECT kind, scheduled_at, held_at FROM individual_meetings "
      + "WHERE group_id = $1 AND user_id = $2";
  private static final String SAVE = "INSERT INTO individual_meetings (group_id, user_id, kind, scheduled_at, held_at, "
      + "updated_by) VALUES ($1, $2, $3, $4, CASE WHEN $5::boolean THEN now() END, $6) "
      + "ON CONFLICT (group_id, user_id, kind) DO UPDATE SET "
      + "scheduled_at = coalesce($4, individual_meetings.scheduled_at), "
      + "held_at = CASE WHEN $5::boolean IS NULL THEN individual_meetings.held_at "
      + "WHEN $5::boolean THEN coalesce(individual_meetings.held_at, now()) END, "
      + "updated_by = $6, updated_at = now()";

  /** A stored meeting: its moved time (null: as planned) and when it was held (null: not yet). */
  public record StoredMeeting(Instant scheduledAt, Instant heldAt) {
  }

  /** The member's stored meetings by kind. */
  public Future<Map<String, StoredMeeting>> stored(SqlClient client, long groupId, long userId) {
    return client.preparedQuery(STORED).execute(Tuple.of(groupId, userId)).map(rows -> {
      Map<String, StoredMeeting> stored = new HashMap<>();
      for (Row r : rows) {
        stored.put(r.getString("kind"), new StoredMeeting(instant(r, "scheduled_at"), instant(r, "held_at")));
      }
      return stored;
    });
  }

  /** Moves the meeting when {@code scheduledAt} is given, and marks it held or not when {@code held} is. */
  public Future<Void> save(SqlClient client, long groupId, long userId, String kind, Instant scheduledAt, Boolean held,
                           long by) {
    return client.preparedQuery(SAVE).execute(Tuple.of(groupId, userId, kind,
        scheduledAt == null ? null : scheduledAt.atOffset(ZoneOffset.UTC), held, by)).mapEmpty();
  }

  private static Instant instant(Row r, String column) {
    OffsetDateTime at = r.getOffsetDateTime(column);
    return at == null ? null : at.toInstant();
  }
}
