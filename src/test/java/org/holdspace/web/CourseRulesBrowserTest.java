package org.holdspace.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.holdspace.support.LiveGroup;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The manuals' course rules in a real browser: {@code e2e/course-rules.mjs} drives headless Chromium through a WHO
 * Group IPT group whose session 1 has started (closed enrolment and its override, ending a member's participation,
 * the dashboard against the plan); each step is a test here, and the tests below read what the server stored.
 */
@DisplayName("The course rules in a real browser")
@ExtendWith(TestServerExtension.class)
class CourseRulesBrowserTest {
  private static final String ENROL_REASON = "Referred late by her GP; agreed with the group in session 1";
  private static final String END_REASON = "Moved away and asked to stop";

  private static TestServer server;
  private static LiveGroup group;
  private static TestServer.Account late;
  private static Scenario scenario;

  @BeforeAll
  static void runScenario() throws Exception {
    group = LiveGroup.of("Dr. Mensah", "Amara", "Bola").protocol("who-group-ipt", 8).started().open(server);
    late = server.newAccount("member", "Chidinma");
    TestServer.Account supervisor = server.newAccount("supervisor", "Dr. Achterberg");
    expect(server.post("/api/groups/" + group.id() + "/supervisors", server.adminToken(),
        new JsonObject().put("userId", supervisor.id())), 201);
    JsonObject cast = new JsonObject().put("groupId", group.id())
        .put("facilitator", person(group.facilitator()))
        .put("members", new JsonArray().add(person(group.member(0))).add(person(group.member(1))))
        .put("late", person(late)).put("supervisor", person(supervisor))
        .put("enrolReason", ENROL_REASON).put("endReason", END_REASON);
    scenario = Scenario.run("course-rules.mjs", Path.of("target", "e2e-course-rules-output.txt"), 120, server, cast);
  }

  private static JsonObject person(TestServer.Account a) {
    return new JsonObject().put("id", a.id()).put("username", a.username()).put("password", TestServer.PASSWORD)
        .put("displayName", a.displayName());
  }

  private static JsonObject member(long id) {
    JsonArray members = expect(server.get("/api/groups/" + group.id(), group.facilitator().token()), 200)
        .getJsonArray("members");
    return members.stream().map(JsonObject.class::cast).filter(m -> m.getLong("id") == id).findFirst()
        .orElseThrow(() -> new AssertionError("member " + id + " is not on the roster: " + members.encode()));
  }

  @TestFactory
  @DisplayName("each step of the course rules scenario")
  Stream<DynamicTest> steps() {
    return scenario.steps();
  }

  @Test
  @DisplayName("the course rules scenario ran to its end and passed")
  void completed() {
    scenario.assertCompleted();
  }

  @Test
  @DisplayName("the late member is enrolled with the reason the dialog asked for, shown to the facilitator")
  void overrideReasonStored() {
    JsonObject m = member(late.id());
    assertEquals("active", m.getString("status"));
    assertEquals(ENROL_REASON, m.getString("enrolOverrideReason"));
    assertNull(m.getString("endedAt"));
  }

  @Test
  @DisplayName("the member whose participation was ended is ended, with the reason, and still on the roster")
  void participationEnded() {
    JsonObject m = member(group.member(1).id());
    assertEquals("ended", m.getString("status"));
    assertEquals(END_REASON, m.getString("endReason"));
    assertNotNull(m.getString("endedAt"));
    assertEquals("active", member(group.member(0).id()).getString("status"));
  }
}
