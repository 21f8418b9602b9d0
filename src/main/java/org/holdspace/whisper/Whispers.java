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

  private Future<Long> deliver(long groupId, AuthUser from, Long to, String text, Row row, List<Long> recipients) {
    long member = to == null ? from.id() : to;
    screen.whisper(groupId, member, row.getLong("id"), text);
    JsonObject frame = new JsonObject()
        .put("type", "whisper")
        .put("groupId", groupId)
        .put("id", row.getLong("id"))
        .put("from", new JsonObject().put("id", from.id()).put("displayName", from.displayName()))
        .put("to", to)
        .put("text", text)
        .put("at", row.getOffsetDateTime("at").toInstant().toString());
    recipients.stream().distinct().forEach(id -> vertx.eventBus().publish(Addresses.user(id), frame));
    return Future.succeededFuture(null);
  }
}
