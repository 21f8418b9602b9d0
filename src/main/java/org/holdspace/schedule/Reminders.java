package org.holdspace.schedule;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.holdspace.core.Job;
import org.holdspace.mail.Mailer;
import org.holdspace.mail.Notice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * {@code reminderHours} before each session that is planned and not cancelled, one e-mail to each of the group's
 * members and facilitators with an address: the group's name, the time in the group's zone and a link to the member
 * page, nothing else. Every node runs this job; {@link ReminderStore} makes each reminder one node's, once. A failed
 * send is tried again with back-off (30 s doubling, at most 30 min) until the session begins; then it is dropped.
 * Without {@code smtpHost} the job does nothing and claims nothing.
 */
final class Reminders implements Job {
  private static final Logger LOG = LoggerFactory.getLogger(Reminders.class);
  private static final double LEASE_SECONDS = 300;
  private static final long MAX_BACKOFF_SECONDS = 1800;
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.ENGLISH);

  private final Pool pool;
  private final Mailer mailer;
  private final ReminderStore store = new ReminderStore();
  private final double hours;
  private final String publicUrl;

  Reminders(Pool pool, Mailer mailer, double hours, String publicUrl) {
    this.pool = pool;
    this.mailer = mailer;
    this.hours = hours;
    this.publicUrl = publicUrl;
  }

  @Override
  public String name() {
    return "Session reminders";
  }

  @Override
  public long firstAfterMs() {
    return 2000;
  }

  @Override
  public long everyMs() {
    return 5000;
  }

  @Override
  public Future<?> run() {
    if (!mailer.enabled()) {
      return Future.succeededFuture();
    }
    return store.claimNew(pool, hours * 3600, LEASE_SECONDS).compose(this::sendAll)
        .compose(v -> store.claimRetries(pool, LEASE_SECONDS)).compose(this::sendAll);
  }

  private Future<Void> sendAll(List<ReminderStore.Claim> claims) {
    Future<Void> chain = Future.succeededFuture();
    for (ReminderStore.Claim claim : claims) {
      chain = chain.compose(v -> send(claim));
    }
    return chain;
  }

  private Future<Void> send(ReminderStore.Claim claim) {
    return mailer.send(notice(claim))
        .compose(v -> store.sent(pool, claim))
        .recover(e -> {
          long wait = Math.min(MAX_BACKOFF_SECONDS, 30L << Math.min(16, claim.attempts() - 1));
          LOG.warn("Reminder of session {} of group {} to account {} failed (attempt {}), next try in {} s: {}",
              claim.number(), claim.groupId(), claim.userId(), claim.attempts(), wait, e.toString());
          return store.retryIn(pool, claim, wait);
        });
  }

  private Notice notice(ReminderStore.Claim claim) {
    ZoneId zone = zone(claim.timeZone());
    String group = shortName(claim.groupName());
    String when = WHEN.format(claim.scheduledAt().atZone(zone)) + " (" + zone.getId() + ")";
    return new Notice(List.of(claim.email()), "Holdspace: " + group + " meets " + when,
        List.of("A reminder: your group \"" + group + "\" meets on " + when + ".",
            "Open the group's page at that time to join:"),
        publicUrl + "/member.html?group=" + claim.groupId());
  }

  private static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      return ZoneId.of("UTC");
    }
  }

  private static String shortName(String name) {
    String oneLine = name.replaceAll("[\\r\\n\\t]+", " ").strip();
    return oneLine.length() > 80 ? oneLine.substring(0, 80) + "…" : oneLine;
  }
}
