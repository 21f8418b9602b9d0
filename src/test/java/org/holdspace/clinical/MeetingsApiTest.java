package org.holdspace.clinical;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;

import static org.holdspace.clinical.MeasuresApiTest.assertBadRequest;
import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Individual meetings before, during and after the group, over HTTP")
@ExtendWith(TestServerExtension.class)
class MeetingsApiTest {
  private static TestServer server;

  @Test
  @DisplayName("every member has the three meetings planned from the group's plan; the member and facilitator see them")
  void plannedFromThePlan() {
    Cast cast = Cast.of(server, 12);
    JsonArray plan = expect(server.get(cast.groupPath(""), cast.facilitator.token()), 200).getJsonArray("plan");
    Instant first = Instant.parse(plan.getJsonObject(0).getString("scheduledAt"));
    Instant last = Instant.parse(plan.getJsonObject(11).getString("scheduledAt"));
    JsonArray meetings = expect(cast.checkSelfOrFacilitator(HttpMethod.GET, cast.memberPath("/meetings"), who -> null,
        200, "meetings.read"), 200).getJsonArray("meetings");
    assertEquals(3, meetings.size());
    assertEquals("pre_group", meetings.getJsonObject(0).getString("kind"));
    assertEquals(first.minus(Duration.ofDays(7)).toString(), meetings.getJsonObject(0).getString("scheduledAt"));
    assertEquals(plan.getJsonObject(5).getString("scheduledAt"), meetings.getJsonObject(1).getString("scheduledAt"));
    assertEquals(last.plus(Duration.ofDays(7)).toString(), meetings.getJsonObject(2).getString("scheduledAt"));
    assertTrue(meetings.getJsonObject(0).getBoolean("planned"));
    assertFalse(meetings.getJsonObject(0).getBoolean("held"));
  }

  @Test
  @DisplayName("only the facilitator moves a meeting or marks it held, audited; bad bodies get 400")
  void facilitatorMovesAndMarks() {
    Cast cast = Cast.of(server, 12);
    String path = cast.memberPath("/meetings/pre_group");
    JsonObject moved = expect(cast.checkFacilitatorOnly(HttpMethod.PUT, path,
        who -> new JsonObject().put("scheduledAt", "2026-03-02T10:00:00Z"), 200, "meeting.write", cast.member.id()),
        200);
    assertEquals("2026-03-02T10:00:00Z", moved.getString("scheduledAt"));
    assertFalse(moved.getBoolean("planned"));
    JsonObject held = expect(server.put(path, cast.facilitator.token(), new JsonObject().put("held", true)), 200);
    assertTrue(held.getBoolean("held"));
    assertNotNull(held.getString("heldAt"));
    assertEquals("2026-03-02T10:00:00Z", held.getString("scheduledAt"), "marking held keeps the time");
    JsonObject undone = expect(server.put(path, cast.facilitator.token(), new JsonObject().put("held", false)), 200);
    assertFalse(undone.getBoolean("held"));
    assertNull(undone.getString("heldAt"));
    assertBadRequest(server.put(path, cast.facilitator.token(), new JsonObject()), "body");
    assertBadRequest(server.put(path, cast.facilitator.token(), new JsonObject().put("held", "yes")), "held");
    assertBadRequest(server.put(path, cast.facilitator.token(), new JsonObject().put("scheduledAt", "monday")),
        "scheduledAt");
    assertEquals(404, server.put(cast.memberPath("/meetings/coffee"), cast.facilitator.token(),
        new JsonObject().put("held", true)).statusCode());
  }
}
