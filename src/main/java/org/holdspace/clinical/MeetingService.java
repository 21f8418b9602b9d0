package org.holdspace.clinical;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A member's individual meetings: planned by default from the group's plan, moved or marked held by a facilitator. */
public final class MeetingService {
  private static final String SESSIONS = "SELECT scheduled_at FROM group_sessions WHERE group_id = $1 ORDER BY number";
  private static final String STORED = "SELECT kind, scheduled_at, held_at FROM individual_meetings "
      + "WHERE group_id = $1 AND user_id = $2";
  private static final String SAVE = "INSERT INTO individual_meetings (group_id, user_id, kind, scheduled_at, held_at, "
      + "updated_by) VALUES ($1, $2, $3, $4, CASE WHEN $5::boolean THEN now() END, $6) "
      + "ON CONFLICT (group_id, user_id, kind) DO UPDATE SET "
      + "scheduled_at = coalesce($4, individual_meetings.scheduled_at), "
      + "held_at = CASE WHEN $5::boolean IS NULL THEN individual_meetings.held_at "
      + "WHEN $5::boolean THEN coalesce(individual_meetings.held_at, now()) END, "
      + "updated_by = $6, updated_at = now()";

  private final ClinicalAccess access;

  public MeetingService(ClinicalAccess access) {
    this.access = access;
  }

  /** {@code PUT .../meetings/{kind}}: a new time, and/or whether it was held. */
  public record Change(String kind, Instant scheduledAt, Boolean held) {
  }

  public Future<JsonObject> list(ClinicalAccess.Target target) {
    return access.selfOrFacilitator(target).compose(s -> access.audit(s, "meetings.read", null)
        .compose(v -> meetings(access.pool(), s.groupId(), s.memberId())));
  }

  public Future<JsonObject> change(ClinicalAccess.Target target, Change change) {
    return access.facilitatorAbout(target).compose(s -> access.pool().withTransaction(tx -> tx.preparedQuery(SAVE)
            .execute(Tuple.of(s.groupId(), s.memberId(), change.kind(),
                change.scheduledAt() == null ? null : change.scheduledAt().atOffset(ZoneOffset.UTC), change.held(),
                s.actor().id()))
            .compose(r -> access.audit(tx, s, "meeting.write", new JsonObject().put("kind", change.kind()))))
        .compose(v -> meetings(access.pool(), s.groupId(), s.memberId()))
        .map(all -> all.getJsonArray("meetings").stream().map(JsonObject.class::cast)
            .filter(m -> m.getString("kind").equals(change.kind())).findFirst().orElseThrow()));
  }

  /** {@code {userId, meetings:[{kind, scheduledAt, planned, held, heldAt}]}} in plan order. */
  static Future<JsonObject> meetings(SqlClient client, long groupId, long userId) {
    return Future.all(client.preparedQuery(SESSIONS).execute(Tuple.of(groupId)),
        client.preparedQuery(STORED).execute(Tuple.of(groupId, userId))).map(all -> {
          List<Instant> sessions = new ArrayList<>();
          for (Row r : all.<io.vertx.sqlclient.RowSet<Row>>resultAt(0)) {
            sessions.add(r.getOffsetDateTime(0).toInstant());
          }
          Map<String, Row> stored = new HashMap<>();
          for (Row r : all.<io.vertx.sqlclient.RowSet<Row>>resultAt(1)) {
            stored.put(r.getString("kind"), r);
          }
          JsonArray meetings = new JsonArray();
          MeetingPlan.defaults(sessions).forEach((kind, planned) -> {
            Row row = stored.get(kind);
            boolean moved = row != null && row.getOffsetDateTime("scheduled_at") != null;
            String heldAt = row == null || row.getOffsetDateTime("held_at") == null ? null
                : row.getOffsetDateTime("held_at").toInstant().toString();
            meetings.add(new JsonObject().put("kind", kind)
                .put("scheduledAt", (moved ? row.getOffsetDateTime("scheduled_at").toInstant() : planned).toString())
                .put("planned", !moved).put("held", heldAt != null).put("heldAt", heldAt));
          });
          return new JsonObject().put("userId", userId).put("meetings", meetings);
        });
  }
}
