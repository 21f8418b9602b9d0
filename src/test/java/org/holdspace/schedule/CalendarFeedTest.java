package org.holdspace.schedule;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServer.Account;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Each account's private iCalendar feed")
@ExtendWith(TestServerExtension.class)
class CalendarFeedTest {
  private static TestServer server;
  private static Account facilitator;
  private static Account member;
  private static Account outsider;
  private static JsonObject evening;
  private static JsonObject morning;

  @BeforeAll
  static void groups() {
    facilitator = server.newAccount("facilitator", "Dr. Feed Hidden");
    member = server.newAccount("member", "Secret Member Name");
    outsider = server.newAccount("member", "Someone Else");
    Instant first = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    evening = PlanChangesTest.group(server, facilitator, "Europe/Berlin", first);
    morning = expect(server.post("/api/groups", facilitator.token(), new JsonObject().put("name", "Morning group")
        .put("protocol", "ipt").put("sessionCount", 12).put("firstSessionAt", first.plus(Duration.ofHours(2)).toString())
        .put("durationMinutes", 60)), 201);
    server.enrol(facilitator, evening.getLong("id"), member);
    server.enrol(facilitator, morning.getLong("id"), member);
    expect(server.put("/api/groups/" + evening.getLong("id") + "/members/" + member.id() + "/focus",
        facilitator.token(), new JsonObject().put("area", "grief").put("goal", "Talk to my sister")), 200);
    expect(server.call(HttpMethod.PATCH, "/api/groups/" + evening.getLong("id") + "/sessions/4", facilitator.token(),
        new JsonObject().put("cancelled", true)), 200);
  }

  private static JsonObject link(Account who) {
    return expect(server.get("/api/me/calendar", who.token()), 200);
  }

  private static HttpResponse<Buffer> feed(String token) {
    return server.get("/api/calendar/" + token + ".ics", null);
  }

  private static Map<String, VEvent> events(String ics) throws Exception {
    Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
    Map<String, VEvent> byUid = new HashMap<>();
    List<VEvent> events = calendar.getComponents("VEVENT");
    for (VEvent e : events) {
      byUid.put(e.getProperty(Property.UID).orElseThrow().getValue(), e);
    }
    assertEquals(events.size(), byUid.size(), "every UID once");
    return byUid;
  }

  private static Instant start(VEvent e) {
    DtStart<Temporal> start = e.<Temporal>getStartDate().orElseThrow();
    return Instant.from(start.getDate());
  }

  @Test
  @DisplayName("one event per planned, not cancelled session of each group, named after the group only")
  void eventsOfEveryGroup() throws Exception {
    JsonObject link = link(member);
    String token = link.getString("calendarToken");
    assertTrue(token.length() >= 43, "a long random secret");
    assertEquals(link, link(member), "the same address every time");
    assertTrue(link.getString("url").endsWith("/api/calendar/" + token + ".ics"), link.encode());

    HttpResponse<Buffer> answer = feed(token);
    assertEquals(200, answer.statusCode());
    assertEquals("text/calendar; charset=utf-8", answer.getHeader("content-type"));
    assertEquals("no-store", answer.getHeader("cache-control"));
    String ics = answer.bodyAsString();
    Map<String, VEvent> events = events(ics);
    assertEquals(23, events.size(), "12 + 12 sessions, less the cancelled one");

    for (JsonObject group : List.of(evening, morning)) {
      JsonArray plan = expect(server.get("/api/groups/" + group.getLong("id"), member.token()), 200)
          .getJsonArray("plan");
      for (int i = 0; i < plan.size(); i++) {
        JsonObject session = plan.getJsonObject(i);
        String uid = "group-" + group.getLong("id") + "-session-" + session.getInteger("number") + "@holdspace";
        if (session.getBoolean("cancelled")) {
          assertFalse(events.containsKey(uid), uid + " is cancelled");
          continue;
        }
        VEvent e = events.get(uid);
        assertEquals(group.getString("name"), e.getProperty(Property.SUMMARY).orElseThrow().getValue());
        assertEquals(Instant.parse(session.getString("scheduledAt")), start(e));
        Duration length = Duration.parse(e.getProperty(Property.DURATION).orElseThrow().getValue());
        assertEquals(Duration.ofMinutes(group.getInteger("durationMinutes")), length);
      }
    }
    for (String secret : List.of("Secret", "Member Name", "Feed Hidden", "grief", "sister", member.username())) {
      assertFalse(ics.contains(secret), "the feed must not contain " + secret);
    }
  }

  @Test
  @DisplayName("a moved session keeps its UID and shows its new time; the facilitator's feed lists the same")
  void movedKeepsUid() throws Exception {
    long id = morning.getLong("id");
    JsonArray plan = expect(server.get("/api/groups/" + id, facilitator.token()), 200).getJsonArray("plan");
    Instant moved = Instant.parse(plan.getJsonObject(6).getString("scheduledAt")).plus(Duration.ofHours(3));
    expect(server.call(HttpMethod.PATCH, "/api/groups/" + id + "/sessions/7", facilitator.token(),
        new JsonObject().put("scheduledAt", moved.toString())), 200);
    String uid = "group-" + id + "-session-7@holdspace";
    assertEquals(moved, start(events(feed(link(member).getString("calendarToken")).bodyAsString()).get(uid)));
    assertEquals(moved, start(events(feed(link(facilitator).getString("calendarToken")).bodyAsString()).get(uid)));
  }

  @Test
  @DisplayName("an account in no group gets an empty calendar; unknown tokens are 404; rotating ends the old address")
  void tokens() throws Exception {
    assertTrue(events(feed(link(outsider).getString("calendarToken")).bodyAsString()).isEmpty());
    for (String unknown : List.of("A".repeat(43), "short", "..%2F..%2Fetc")) {
      assertEquals(404, feed(unknown).statusCode(), unknown);
    }
    assertEquals(401, server.get("/api/me/calendar", null).statusCode());
    String old = link(outsider).getString("calendarToken");
    JsonObject rotated = expect(server.post("/api/me/calendar/rotate", outsider.token(), null), 200);
    assertNotEquals(old, rotated.getString("calendarToken"));
    assertEquals(404, feed(old).statusCode());
    assertEquals(200, feed(rotated.getString("calendarToken")).statusCode());
    assertEquals(rotated, link(outsider));
  }

  @Test
  @DisplayName("a member whose participation ended has none of that group's sessions in their feed; the rest stay")
  void endedParticipationLeavesTheFeed() throws Exception {
    Account leaver = server.newAccount("member", "Leaves Early");
    long left = PlanChangesTest.group(server, facilitator, null, Instant.now().plus(5, ChronoUnit.DAYS)).getLong("id");
    server.enrol(facilitator, left, leaver);
    server.enrol(facilitator, morning.getLong("id"), leaver);
    String token = link(leaver).getString("calendarToken");
    String prefix = "group-" + left + "-session-";
    assertEquals(12, events(feed(token).bodyAsString()).keySet().stream().filter(u -> u.startsWith(prefix)).count());

    expect(server.call(HttpMethod.DELETE, "/api/groups/" + left + "/members/" + leaver.id(), facilitator.token(),
        new JsonObject().put("reason", "moved away")), 200);
    Map<String, VEvent> after = events(feed(token).bodyAsString());
    assertTrue(after.keySet().stream().noneMatch(u -> u.startsWith(prefix)), after.keySet().toString());
    assertEquals(12, after.size(), "the group they still take part in stays");
    assertEquals(12, events(feed(link(facilitator).getString("calendarToken")).bodyAsString()).keySet().stream()
        .filter(u -> u.startsWith(prefix)).count(), "the facilitator's feed keeps the group");
  }
}
