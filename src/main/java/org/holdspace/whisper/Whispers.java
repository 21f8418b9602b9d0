package org.holdspace.whisper;

import org.holdspace.alert.RiskScreen;
import org.holdspace.core.Addresses;
import org.holdspace.core.Refusal;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.holdspace.audit.AuditLog;
import org.holdspace.core.AuthUser;
import org.holdspace.group.Enrolment;

import java.util.ArrayList;
import java.util.List;

/**
 * The private channel between a group's facilitators and one member: stored, audited, and delivered only to the
 * sockets of the two sides (every facilitator of the group when a member writes); screened for risk phrases like
 * group messages.
 */
public final class Whispers {
  private static final String INSERT =
      "INSERT INTO whispers (group_id, from_id, to_id, text) VALUES ($1, $2, $3, $4) RETURNING id, at";

  /** An account's own private messages of a group: sent, received, and (a facilitator's) those to the facilitators. */
  private static final String HISTORY = "SELECT w.id, w.from_id, u.display_name, w.to_id, w.text, w.at FROM whispers w "
      + "JOIN users u ON u.id = w.from_id WHERE w.group_id = $1 AND (w.from_id = $2 OR w.to_id = $2 "
      + "OR ($3 AND w.to_id IS NULL)) ORDER BY w.id DESC LIMIT $4";

  private final Vertx vertx;
  private final Pool pool;
  private final Enrolment enrolment;
  private final AuditLog audit;
  private final RiskScreen screen;

  /** {@code screen} reads each stored private message, in both directions, for risk phrases. */
  public Whispers(Vertx vertx, Pool pool, Enrolment enrolment, AuditLog audit, RiskScreen screen) {
    this.vertx = vertx;
    this.pool = pool;
    this.enrolment = enrolment;
    this.audit = audit;
    this.screen = screen;
  }

  /** A facilitator writes to one member. */
  public Future<Long> toMember(AuthUser facilitator, long groupId, long memberId, String text) {
    return pool.withTransaction(tx -> enrolment.isMember(tx, groupId, memberId)
        .compose(member -> {
          if (!member) {
            return Future.failedFuture(Refusal.notFound("userId: not a member of this group"));
          }
          return tx.preparedQuery(INSERT).execute(Tuple.of(groupId, facilitator.id(), memberId, text));
        })
        .compose(rows -> audit.record(tx, facilitator.id(), "whisper.send", groupId, memberId, null).map(rows))
        .map(rows -> rows.iterator().next()))
        .compose(row -> deliver(groupId, facilitator, memberId, text, row, List.of(memberId, facilitator.id())));
  }

  /** A member writes to the group's facilitators. */
  public Future<Long> toFacilitators(AuthUser member, long groupId, String text) {
    return enrolment.facilitators(pool, groupId).compose(facilitators -> {
      List<Long> recipients = new ArrayList<>(facilitators);
      recipients.add(member.id());
      return pool.withTransaction(tx -> tx.preparedQuery(INSERT).execute(Tuple.of(groupId, member.id(), null, text))
              .compose(rows -> audit.record(tx, member.id(), "whisper.send", groupId, member.id(), null).map(rows)))
          .compose(inserted -> deliver(groupId, member, null, text, inserted.iterator().next(), recipients));
    });
  }

  /**
   * The account's own private messages of the group as {@code whisper} frames, oldest first, the last {@code limit}
   * of them: sent or received, and for a facilitator every member's message to the facilitators.
   */
  public Future<List<JsonObject>> history(long groupId, long accountId, boolean facilitator, int limit) {
    return pool.preparedQuery(HISTORY).execute(Tuple.of(groupId, accountId, facilitator, limit)).map(rows -> {
      List<JsonObject> frames = new ArrayList<>();
      for (Row r : rows) {
        frames.add(0, frame(groupId, r.getLong("id"), r.getLong("from_id"), r.getString("display_name"),
            r.getLong("to_id"), r.getString("text"), r.getOffsetDateTime("at").toInstant().toString()));
      }
      return frames;
    });
  }

  private Future<Long> deliver(long groupId, AuthUser from, Long to, String text, Row row, List<Long> recipients) {
    long member = to == null ? from.id() : to;
    screen.whisper(groupId, member, row.getLong("id"), text);
    JsonObject frame = frame(groupId, row.getLong("id"), from.id(), from.displayName(), to, text,
        row.getOffsetDateTime("at").toInstant().toString());
    recipients.stream().distinct().forEach(id -> vertx.eventBus().publish(Addresses.user(id), frame));
    return Future.succeededFuture(null);
  }

  private static JsonObject frame(long groupId, long id, long fromId, String fromName, Long to, String text, String at) {
    return new JsonObject()
        .put("type", "whisper")
        .put("groupId", groupId)
        .put("id", id)
        .put("from", new JsonObject().put("id", fromId).put("displayName", fromName))
        .put("to", to)
        .put("text", text)
        .put("at", at);
  }
}
