package org.holdspace.schedule;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.holdspace.core.Refusal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Each account's private iCalendar feed (RFC 5545) of its groups' sessions: one event per session that is not
 * cancelled, named after the group only (no member, facilitator or clinical detail), with a UID that stays the same
 * for the group and session number however often it is moved, so a calendar updates the event in place. The address
 * holds a 256-bit random token; rotating it ends the old address.
 */
final class CalendarFeed {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String TOKEN = "[A-Za-z0-9_-]{43}";

  private final Pool pool;
  private final CalendarStore store = new CalendarStore();

  CalendarFeed(Pool pool) {
    this.pool = pool;
  }

  Future<String> token(long userId) {
    return store.keep(pool, userId, fresh());
  }

  Future<String> rotate(long userId) {
    return store.rotate(pool, userId, fresh());
  }

  /** The feed behind a token; 404 for a token that is no account's. */
  Future<String> ics(String token) {
    if (token == null || !token.matches(TOKEN)) {
      return Future.failedFuture(Refusal.notFound());
    }
    return store.owner(pool, token)
        .compose(owner -> owner.isEmpty() ? Future.failedFuture(Refusal.notFound())
            : store.sessions(pool, owner.get()))
        .map(CalendarFeed::render);
  }

  private static String render(List<CalendarStore.Entry> entries) {
    Calendar calendar = new Calendar();
    calendar.add(new ProdId("-//Holdspace//Sessions//EN"));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(new XProperty("X-WR-CALNAME", "Holdspace sessions"));
    for (CalendarStore.Entry e : entries) {
      VEvent event = new VEvent(e.scheduledAt(), Duration.ofMinutes(e.durationMinutes()), oneLine(e.groupName()));
      event.add(new Uid("group-" + e.groupId() + "-session-" + e.number() + "@holdspace"));
      calendar.add(event);
    }
    StringWriter out = new StringWriter();
    try {
      new CalendarOutputter(true).output(calendar, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String oneLine(String name) {
    return name.replaceAll("[\\r\\n\\t]+", " ").strip();
  }

  private static String fresh() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
