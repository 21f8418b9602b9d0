package org.holdspace.session;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Attendance from the group's events")
class AttendanceTest {
  private static final Instant T0 = Instant.parse("2026-03-03T18:00:00Z");

  private static Attendance.Entry e(String kind, Long user, int minute, Integer session) {
    return new Attendance.Entry(kind, user, T0.plusSeconds(minute * 60L), session);
  }

  @Test
  @DisplayName("tells who came on time, who came late, who left early, and for how long")
  void onTimeLateEarly() {
    JsonArray sessions = Attendance.compute(List.of(
        e("join", 1L, -5, null),
        e("join", 9L, -4, null),
        e("session_started", null, 0, 1),
        e("join", 2L, 12, null),
        e("leave", 1L, 30, null),
        e("join", 3L, 2, null),
        e("leave", 3L, 70, null),
        e("session_ended", null, 90, 1)), Set.of(1L, 2L, 3L));
    assertEquals(1, sessions.size());
    JsonObject s = sessions.getJsonObject(0);
    assertEquals(1, s.getInteger("number"));
    JsonArray people = s.getJsonArray("attendees");
    assertEquals(3, people.size(), "the facilitator (9) is not counted");
    JsonObject one = find(people, 1);
    assertFalse(one.getBoolean("late"));
    assertTrue(one.getBoolean("leftEarly"));
    assertEquals(30.0, one.getDouble("minutesPresent"));
    JsonObject two = find(people, 2);
    assertTrue(two.getBoolean("late"));
    assertFalse(two.getBoolean("leftEarly"));
    assertEquals(78.0, two.getDouble("minutesPresent"));
    JsonObject three = find(people, 3);
    assertFalse(three.getBoolean("late"));
    assertTrue(three.getBoolean("leftEarly"));
  }

  @Test
  @DisplayName("someone who leaves and comes back is counted once, with both stretches")
  void rejoin() {
    JsonArray sessions = Attendance.compute(List.of(
        e("session_started", null, 0, 2),
        e("join", 1L, 1, null),
        e("leave", 1L, 11, null),
        e("join", 1L, 21, null),
        e("session_ended", null, 31, 2)), Set.of(1L));
    JsonObject one = find(sessions.getJsonObject(0).getJsonArray("attendees"), 1);
    assertEquals(20.0, one.getDouble("minutesPresent"));
    assertFalse(one.getBoolean("leftEarly"));
  }

  @Test
  @DisplayName("joining between sessions does not count; staying in the room across sessions counts for each")
  void betweenAndAcross() {
    JsonArray sessions = Attendance.compute(List.of(
        e("join", 7L, 0, null),
        e("session_started", null, 1, 1),
        e("join", 2L, 2, null),
        e("session_ended", null, 60, 1),
        e("leave", 2L, 61, null),
        e("join", 3L, 70, null),
        e("leave", 3L, 71, null),
        e("session_started", null, 100, 2),
        e("session_ended", null, 160, 2)), Set.of(2L, 3L, 7L));
    assertEquals(2, sessions.size());
    assertEquals(Set.of(7L, 2L), ids(sessions.getJsonObject(0)));
    assertEquals(Set.of(7L), ids(sessions.getJsonObject(1)));
  }

  private static Set<Long> ids(JsonObject session) {
    return session.getJsonArray("attendees").stream().map(JsonObject.class::cast).map(p -> p.getLong("userId"))
        .collect(java.util.stream.Collectors.toSet());
  }

  private static JsonObject find(JsonArray people, long id) {
    return people.stream().map(JsonObject.class::cast).filter(p -> p.getLong("userId") == id).findFirst()
        .orElseThrow();
  }

  @Test
  @DisplayName("only members expected when a session started are absent from it: enrolled by then, not ended")
  void absentOnlyWhenExpected() {
    // 1 comes to both; 2 is enrolled from minute 100 (after session 1 started) and misses session 2;
    // 3 stops taking part at minute 100 and so is absent from session 1 only.
    List<Attendance.Entry> log = List.of(
        e("session_started", null, 0, 1),
        e("join", 1L, 1, null),
        e("session_ended", null, 90, 1),
        e("session_started", null, 200, 2),
        e("session_ended", null, 290, 2));
    Instant enrolled = T0.plusSeconds(100 * 60L);
    JsonArray sessions = Attendance.compute(log, new java.util.LinkedHashSet<>(List.of(1L, 2L, 3L)),
        (id, startedAt) -> switch (id.intValue()) {
          case 2 -> !startedAt.isBefore(enrolled);
          case 3 -> startedAt.isBefore(enrolled);
          default -> true;
        });
    assertEquals(new JsonArray().add(3L), sessions.getJsonObject(0).getJsonArray("absent"));
    assertEquals(new JsonArray().add(2L), sessions.getJsonObject(1).getJsonArray("absent"));
  }

  @Test
  @DisplayName("a member whose participation ended is gone from that moment, even before their socket's leave")
  void endedMemberLeaves() {
    JsonArray sessions = Attendance.compute(List.of(
        e("join", 1L, -5, null),
        e("session_started", null, 0, 1),
        e("participation_ended", 1L, 30, null),
        e("session_ended", null, 90, 1),
        e("session_started", null, 200, 2),
        e("leave", 1L, 201, null),
        e("session_ended", null, 290, 2)), Set.of(1L));
    JsonObject first = find(sessions.getJsonObject(0).getJsonArray("attendees"), 1);
    assertTrue(first.getBoolean("leftEarly"));
    assertEquals(30.0, first.getDouble("minutesPresent"));
    assertEquals(0, sessions.getJsonObject(1).getJsonArray("attendees").size());
  }
}
