package org.holdspace.alert;

import org.holdspace.config.Safety;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import org.holdspace.audit.AuditLog;
import org.holdspace.config.Config;
import org.holdspace.core.AuthUser;
import org.holdspace.core.Job;
import org.holdspace.core.Refusal;
import org.holdspace.group.Enrolment;
import org.holdspace.grouplog.EventLog;
import org.holdspace.mail.Mailer;
import org.holdspace.presence.Presence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * Risk alerts for a group's facilitators, as a closed loop: raised (stored and audited), pushed as
 * {@code {"type":"alert"}} to every facilitator socket of the group on any node, acknowledged, resolved with an
 * outcome, and escalated when nobody follows them up (see {@link Escalations}). Members never see them.
 */
public final class Alerts {
  private static final Logger LOG = LoggerFactory.getLogger(Alerts.class);

  private final Pool pool;
  private final AlertStore store = new AlertStore();
  private final AuditLog audit;
  private final EventLog log;
  private final AlertFeed feed;
  private final AlertMeters meters;
  private final Escalations escalations;
  private final JsonArray resources;

  /** What the alerts need from the rest of the server. */
  public record Dependencies(Vertx vertx, Pool pool, AuditLog audit, EventLog log, Enrolment enrolment,
                             Presence presence, Mailer mailer, MeterRegistry registry) {
  }

  public Alerts(Dependencies d, Safety safety) {
    this.pool = d.pool();
    this.audit = d.audit();
    this.log = d.log();
    this.feed = new AlertFeed(d.vertx());
    this.meters = new AlertMeters(d.registry());
    this.escalations = new Escalations(pool, audit, feed, store, meters, d.mailer(), d.enrolment(), d.presence(),
        new Escalations.Settings(safety.escalationMinutes(), safety.oncallEmail(), safety.publicUrl()));
    this.resources = CrisisResources.json(safety.crisisResources());
  }

  /** The periodic work of the alerts: escalation, its e-mails and the open-alert gauge. */
  public List<Job> jobs() {
    return List.of(escalations);
  }

  /** Raises an alert by the server itself about {@code userId}, and pushes it to the group's facilitators. */
  public Future<JsonObject> raise(long groupId, long userId, String kind, JsonObject ref) {
    return pool.withTransaction(tx -> raise(tx, groupId, userId, kind, ref)).onSuccess(a -> push(groupId, a));
  }

  /** Stores an alert within the caller's transaction; the caller pushes it with {@link #push} after commit. */
  public Future<JsonObject> raise(SqlClient client, long groupId, long userId, String kind, JsonObject ref) {
    return insert(client, Escalations.SYSTEM_ACTOR, groupId, userId, kind, ref)
        .map(found -> found.orElseThrow().toJson());
  }

  /** Sends a newly stored alert to the facilitator sockets of the group, escalating it when none is there. */
  public void push(long groupId, JsonObject alert) {
    feed.send(groupId, alert);
    escalations.raised(groupId, alert.getLong("id"))
        .onFailure(e -> LOG.error("Could not check alert {} for escalation: {}", alert.getLong("id"), e.toString()));
  }

  /**
   * A member reports message {@code seq}: the alert is about its author, {@code ref: {seq, reporterId}}. A seq that
   * is no message of the group is {@code not_found}; the same report again is accepted and adds nothing.
   */
  public Future<Void> report(AuthUser reporter, long groupId, long seq, String reason) {
    return log.since(groupId, seq - 1, 1).compose(events -> {
      JsonObject event = events.isEmpty() ? null : events.get(0);
      if (event == null || event.getLong("seq") != seq || !"message".equals(event.getString("kind"))
          || event.getJsonObject("from") == null) {
        return Future.failedFuture(Refusal.notFound("seq: not a message of this group"));
      }
      long author = event.getJsonObject("from").getLong("id");
      JsonObject ref = new JsonObject().put("seq", seq).put("reporterId", reporter.id());
      if (reason != null) {
        ref.put("reason", reason);
      }
      return pool.withTransaction(tx -> insert(tx, reporter.id(), groupId, author, "report", ref))
          .onSuccess(found -> found.ifPresent(a -> push(groupId, a.toJson())))
          .mapEmpty();
    });
  }

  /** A member asks for help now: a {@code help_request} alert, and the crisis resources to show them. */
  public Future<JsonObject> help(AuthUser member, long groupId) {
    return pool.withTransaction(tx -> insert(tx, member.id(), groupId, member.id(), "help_request", null))
        .map(found -> found.orElseThrow().toJson())
        .onSuccess(a -> push(groupId, a))
        .map(a -> new JsonObject().put("alert", a).put("resources", resources.copy()));
  }

  /** The deployment's crisis resources. */
  public JsonArray crisisResources() {
    return resources.copy();
  }

  /** The group's alerts in a status (all when null), oldest first. */
  public Future<JsonArray> list(long groupId, String status) {
    return store.list(pool, groupId, status)
        .map(list -> new JsonArray(list.stream().map(AlertStore.Alert::toJson).toList()));
  }

  /** The group's alerts still to be resolved (open or acknowledged), oldest first. */
  public Future<List<AlertStore.Alert>> open(long groupId) {
    return store.list(pool, groupId, null)
        .map(list -> list.stream().filter(a -> !"resolved".equals(a.status())).toList());
  }

  /** A facilitator acknowledges an alert; acknowledging it again changes nothing. */
  public Future<JsonObject> acknowledge(AuthUser facilitator, long groupId, long alertId) {
    return pool.withTransaction(tx -> store.acknowledge(tx, groupId, alertId, facilitator.id()).compose(changed -> {
      if (changed.isEmpty()) {
        return existing(tx, groupId, alertId).map(a -> new Change(a, false));
      }
      return audit.record(tx, facilitator.id(), "alert.acknowledge", groupId, changed.get().userId(),
          new JsonObject().put("alertId", alertId)).map(new Change(changed.get(), true));
    })).map(this::announce);
  }

  /** A facilitator resolves an alert with an outcome and an optional note (the note is not audited). */
  public Future<JsonObject> resolve(AuthUser facilitator, long groupId, long alertId, String outcome, String note) {
    return pool.withTransaction(tx -> store.find(tx, groupId, alertId).compose(before -> {
      AlertStore.Alert was = before.orElseThrow(() -> Refusal.notFound("alert: no such alert in this group"));
      return store.resolve(tx, groupId, alertId, facilitator.id(), outcome, note).compose(changed -> {
        AlertStore.Alert a = changed.orElseThrow(() -> Refusal.conflict("the alert is already resolved"));
        if (was.acknowledgedAt() == null) {
          a.toAcknowledge().ifPresent(meters::acknowledged);
        }
        return audit.record(tx, facilitator.id(), "alert.resolve", groupId, a.userId(),
            new JsonObject().put("alertId", alertId).put("outcome", outcome).put("note", note != null))
            .map(new Change(a, true));
      });
    })).map(this::announce);
  }

  private record Change(AlertStore.Alert alert, boolean changed) {
  }

  private JsonObject announce(Change c) {
    if (c.changed()) {
      feed.send(c.alert());
      if ("resolved".equals(c.alert().status())) {
        c.alert().toResolve().ifPresent(meters::resolved);
      } else {
        c.alert().toAcknowledge().ifPresent(meters::acknowledged);
      }
    }
    return c.alert().toJson();
  }

  private Future<AlertStore.Alert> existing(SqlClient tx, long groupId, long alertId) {
    return store.find(tx, groupId, alertId)
        .map(found -> found.orElseThrow(() -> Refusal.notFound("alert: no such alert in this group")));
  }

  private Future<Optional<AlertStore.Alert>> insert(SqlClient tx, long actor, long groupId, long userId, String kind,
                                                    JsonObject ref) {
    return store.insert(tx, groupId, userId, kind, ref).compose(found -> found.isEmpty()
        ? Future.succeededFuture(found)
        : audit.record(tx, actor, "alert.raise", groupId, userId,
            new JsonObject().put("alertId", found.get().id()).put("kind", kind)).map(found));
  }
}
