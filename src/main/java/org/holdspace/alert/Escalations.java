package org.holdspace.alert;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.holdspace.audit.AuditLog;
import org.holdspace.core.Job;
import org.holdspace.group.Enrolment;
import org.holdspace.mail.Mailer;
import org.holdspace.mail.Notice;
import org.holdspace.presence.Presence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Nobody is left alone with an alert: one still open after the escalation time, or raised while no facilitator of
 * the group has a socket in its room, is escalated — marked, sent to the sockets again, and e-mailed to the group's
 * facilitators with an address and the on-call address. The state is in PostgreSQL, so one node of a cluster does
 * each step, escalations due while the server was down go out when it starts, and a failing SMTP server is retried
 * with back-off by later runs.
 */
final class Escalations implements Job {
  private static final Logger LOG = LoggerFactory.getLogger(Escalations.class);
  /** The audit log's actor for what the server does by itself (as elsewhere in the log). */
  static final long SYSTEM_ACTOR = 0;
  private static final int LEASE_SECONDS = 120;
  private static final long MAX_BACKOFF_SECONDS = 600;
  private static final Map<String, String> KINDS = Map.of(
      "help_request", "a member asked for help now",
      "risk_phrase", "words of risk in the chat",
      "report", "a message reported by a member",
      "phq9_item9", "a questionnaire answer about self-harm",
      "cssrs", "a suicide-risk screening result",
      "deterioration", "a worsening of scores");

  private final Pool pool;
  private final EscalationStore store = new EscalationStore();
  private final AuditLog audit;
  private final AlertFeed feed;
  private final AlertStore alerts;
  private final AlertMeters meters;
  private final Mailer mailer;
  private final Enrolment enrolment;
  private final Presence presence;
  private final Settings settings;

  /** When an alert is escalated, where mail goes besides the facilitators, and the web client's public address. */
  record Settings(double minutes, Optional<String> oncallEmail, String publicUrl) {
  }

  Escalations(Pool pool, AuditLog audit, AlertFeed feed, AlertStore alerts, AlertMeters meters, Mailer mailer,
              Enrolment enrolment, Presence presence, Settings settings) {
    this.pool = pool;
    this.audit = audit;
    this.feed = feed;
    this.alerts = alerts;
    this.meters = meters;
    this.mailer = mailer;
    this.enrolment = enrolment;
    this.presence = presence;
    this.settings = settings;
  }

  @Override
  public String name() {
    return "Alert escalation";
  }

  @Override
  public long firstAfterMs() {
    return 1000;
  }

  @Override
  public long everyMs() {
    return Math.max(250, Math.min(5000, (long) (settings.minutes() * 60_000 / 4)));
  }

  @Override
  public Future<?> run() {
    return pool.withTransaction(tx -> store.escalateDue(tx, settings.minutes() * 60, mailer.enabled())
            .compose(escalated -> recorded(tx, escalated)))
        .onSuccess(escalated -> escalated.forEach(feed::send))
        .compose(v -> sendDue())
        .compose(v -> alerts.openCount(pool))
        .onSuccess(meters::open);
  }

  /** An alert was raised: escalate it at once when no facilitator of its group has a socket in the room. */
  Future<Void> raised(long groupId, long alertId) {
    return Future.all(enrolment.facilitators(pool, groupId), presence.present(groupId)).compose(all -> {
      List<Long> facilitators = all.resultAt(0);
      List<Long> present = all.resultAt(1);
      if (facilitators.stream().anyMatch(present::contains)) {
        return Future.succeededFuture();
      }
      return pool.withTransaction(tx -> store.escalate(tx, alertId, mailer.enabled())
              .compose(found -> recorded(tx, found.stream().toList())))
          .compose(escalated -> {
            escalated.forEach(feed::send);
            return escalated.isEmpty() ? Future.succeededFuture() : sendDue();
          });
    });
  }

  private Future<List<AlertStore.Alert>> recorded(io.vertx.sqlclient.SqlClient tx, List<AlertStore.Alert> escalated) {
    List<Future<Void>> written = new ArrayList<>();
    for (AlertStore.Alert a : escalated) {
      written.add(audit.record(tx, SYSTEM_ACTOR, "alert.escalate", a.groupId(), a.userId(),
          new JsonObject().put("alertId", a.id()).put("kind", a.kind())));
    }
    return Future.all(written).map(escalated);
  }

  private Future<Void> sendDue() {
    if (!mailer.enabled()) {
      return Future.succeededFuture();
    }
    return store.mailDue(pool).compose(ids -> {
      Future<Void> chain = Future.succeededFuture();
      for (long id : ids) {
        chain = chain.compose(v -> store.claim(pool, id, LEASE_SECONDS))
            .compose(claim -> claim.map(this::mail).orElse(Future.succeededFuture()));
      }
      return chain;
    });
  }

  private Future<Void> mail(EscalationStore.Claim claim) {
    return store.recipients(pool, claim.groupId()).compose(recipients -> {
      List<String> to = new ArrayList<>(recipients.team());
      settings.oncallEmail().ifPresent(to::add);
      if (to.isEmpty()) {
        LOG.warn("Alert {} of group {} is escalated, but nobody has an e-mail address", claim.alertId(),
            claim.groupId());
        return store.sent(pool, claim.alertId());
      }
      return mailer.send(notice(claim, recipients.groupName(), to))
          .compose(v -> store.sent(pool, claim.alertId()))
          .recover(e -> {
            long wait = Math.min(MAX_BACKOFF_SECONDS, 1L << Math.min(20, claim.attempts()));
            LOG.warn("E-mail of escalated alert {} failed (attempt {}), next try in {} s: {}", claim.alertId(),
                claim.attempts(), wait, e.toString());
            return store.retryIn(pool, claim.alertId(), wait);
          });
    });
  }

  private Notice notice(EscalationStore.Claim claim, String groupName, List<String> to) {
    String what = KINDS.getOrDefault(claim.kind(), "a safety alert");
    return new Notice(to, "Holdspace: a safety alert in " + shortName(groupName) + " needs a facilitator",
        List.of("A safety alert in the group \"" + shortName(groupName) + "\" has not been acknowledged yet.",
            "Kind: " + claim.kind() + " (" + what + ").",
            "Please open the facilitator console and follow it up. Details are shown there only."),
        settings.publicUrl() + "/console.html?group=" + claim.groupId());
  }

  private static String shortName(String name) {
    String oneLine = name.replaceAll("[\\r\\n\\t]+", " ").strip();
    return oneLine.length() > 80 ? oneLine.substring(0, 80) + "…" : oneLine;
  }
}
