package org.holdspace.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole course in a real browser: {@code e2e/course.mjs} drives headless Chromium as an admin, a facilitator and
 * a member would, from creating the accounts to the relapse plan; each step is a test here, and the tests below
 * check over HTTP what the server stored. Screenshots go to {@code target/screenshots/} (copies in docs/images/).
 */
@DisplayName("The whole course in a real browser")
@ExtendWith(TestServerExtension.class)
class CourseBrowserTest {
  private static final String PASSWORD = "quiet river stone 2026";
  private static final String FACILITATOR = "dr.course";
  private static final String ANA = "ana.course";
  private static final String BEN = "ben.course";

  private static TestServer server;
  private static Scenario scenario;

  @BeforeAll
  static void runScenario() throws Exception {
    JsonObject cast = new JsonObject()
        .put("admin", new JsonObject().put("username", "admin").put("password", TestServer.ADMIN_PASSWORD))
        .put("password", PASSWORD)
        .put("facilitator", new JsonObject().put("username", FACILITATOR).put("displayName", "Dr. Okafor")
            .put("email", "okafor@clinic.example"))
        .put("members", new JsonArray()
            .add(new JsonObject().put("username", ANA).put("displayName", "Ana Lima"))
            .add(new JsonObject().put("username", BEN).put("displayName", "Ben Weiss")));
    scenario = Scenario.run("course.mjs", Path.of("target", "e2e-course-output.txt"), 240, server, cast);
  }

  @TestFactory
  @DisplayName("each step of the course")
  Stream<DynamicTest> steps() {
    return scenario.steps();
  }

  @Test
  @DisplayName("the scenario finished, checked accessibility in every state and saved the screenshots")
  void scenarioCompleted() {
    scenario.assertCompleted();
    assertTrue(scenario.output().stream().filter(l -> l.startsWith("AXE ")).count() >= 15, "axe ran in every state");
    for (String shot : List.of("admin.png", "new-group.png", "dashboard.png", "record.png", "my-work.png",
        "dashboard-phone.png")) {
      assertTrue(Files.isRegularFile(Scenario.SCREENSHOTS.resolve(shot)), "screenshot " + shot);
    }
  }

  private static JsonObject account(String username) {
    JsonArray users = expect(server.get("/api/users?query=" + username, server.adminToken()), 200).getJsonArray("users");
    return users.stream().map(JsonObject.class::cast).filter(u -> u.getString("username").equals(username))
        .findFirst().orElseThrow(() -> new AssertionError("no account " + username));
  }

  private static long groupId() {
    String line = scenario.output().stream().filter(l -> l.startsWith("GROUP ")).findFirst()
        .orElseThrow(() -> new AssertionError("the scenario created no group"));
    return Long.parseLong(line.substring(6).trim());
  }

  @Test
  @DisplayName("the admin's accounts are stored with their roles and e-mail, and the deactivated one is active again")
  void accountsStored() {
    JsonObject facilitator = account(FACILITATOR);
    assertEquals("facilitator", facilitator.getString("role"));
    assertEquals("okafor@clinic.example", facilitator.getString("email"));
    assertEquals("Dr. Okafor", facilitator.getString("displayName"));
    assertEquals("member", account(ANA).getString("role"));
    assertTrue(account(BEN).getBoolean("active"));
    assertTrue(server.get("/api/users?query=weak-one", server.adminToken()).bodyAsJsonObject()
        .getJsonArray("users").isEmpty(), "the refused account was not created");
    assertEquals(200, server.post("/api/auth/login", null, new JsonObject().put("username", BEN)
        .put("password", PASSWORD)).statusCode(), "the reactivated member signs in");
  }

  @Test
  @DisplayName("the group is stored as typed, with both members enrolled, moved to termination with the override")
  void groupAndCourseStored() {
    String token = server.login(FACILITATOR, PASSWORD);
    long id = groupId();
    JsonObject group = expect(server.get("/api/groups/" + id, token), 200);
    assertEquals("Tuesday evening group", group.getString("name"));
    assertEquals("ipt", group.getString("protocol"));
    assertEquals(12, group.getInteger("sessionCount"));
    assertEquals("2030-03-05T17:30:00Z", group.getJsonArray("plan").getJsonObject(0).getString("scheduledAt"),
        "18:30 in Berlin");
    assertEquals(List.of("Ana Lima", "Ben Weiss"), group.getJsonArray("members").stream()
        .map(m -> ((JsonObject) m).getString("displayName")).toList());
    JsonObject course = expect(server.get("/api/groups/" + id + "/clinical", token), 200);
    assertEquals("termination", course.getString("phase"));
    JsonObject middle = course.getJsonArray("phaseHistory").stream().map(JsonObject.class::cast)
        .filter(p -> p.getString("phase").equals("middle")).findFirst().orElseThrow();
    assertTrue(middle.getBoolean("override"));
    assertEquals("Ben joins his focus work in the first middle session", middle.getString("overrideReason"));
    JsonObject overview = expect(server.get("/api/admin/groups", server.adminToken()), 200);
    JsonObject listed = overview.getJsonArray("groups").stream().map(JsonObject.class::cast)
        .filter(g -> g.getLong("id") == id).findFirst().orElseThrow();
    assertEquals("Dr. Okafor", listed.getJsonArray("facilitators").getJsonObject(0).getString("displayName"));
    assertEquals("ended", listed.getString("sessionStatus"));
  }

  @Test
  @DisplayName("the member's inventory, questionnaires, report card, homework, meeting and relapse plan are stored")
  void memberWorkStored() {
    String token = server.login(FACILITATOR, PASSWORD);
    long ana = account(ANA).getLong("id");
    String base = "/api/groups/" + groupId() + "/members/" + ana;
    JsonObject relationship = expect(server.get(base + "/inventory", token), 200).getJsonArray("relationships")
        .getJsonObject(0);
    assertEquals("my sister", relationship.getString("label"));
    assertEquals("family", relationship.getString("kind"));
    assertEquals(4, relationship.getInteger("closeness"));
    assertEquals(2, relationship.getInteger("satisfaction"));
    assertEquals("role_dispute", relationship.getString("area"));
    assertEquals("weekly calls", relationship.getString("works"));
    assertEquals("arguing about our mother", relationship.getString("doesNotWork"));

    JsonArray measures = new JsonArray(server.get(base + "/measures", token).bodyAsString());
    assertEquals(List.of("phq9:8", "gad7:7"), measures.stream().map(JsonObject.class::cast)
        .map(m -> m.getString("instrument") + ":" + m.getInteger("total")).toList());
    JsonArray alerts = new JsonArray(server.get("/api/groups/" + groupId() + "/alerts", token).bodyAsString());
    assertTrue(alerts.stream().map(JsonObject.class::cast).anyMatch(a -> a.getString("kind").equals("phq9_item9")
        && a.getLong("userId") == ana), "item 9 raised an alert");

    JsonObject card = expect(server.get(base + "/report-cards", token), 200).getJsonArray("cards").getJsonObject(0);
    assertEquals(5, card.getJsonArray("ratings").getJsonObject(0).getInteger("closeness"));
    assertEquals(3, card.getJsonArray("ratings").getJsonObject(0).getInteger("satisfaction"));

    JsonObject focus = expect(server.get(base + "/focus", token), 200);
    assertEquals("role_dispute", focus.getString("area"));
    assertEquals("Talk with my sister without a fight", focus.getJsonArray("goals").getJsonObject(0).getString("text"));

    JsonObject homework = expect(server.get(base + "/homework", token), 200).getJsonArray("items").getJsonObject(0);
    assertEquals("Ask my sister for a coffee", homework.getString("text"));
    assertTrue(homework.getBoolean("done"));

    JsonArray meetings = expect(server.get(base + "/meetings", token), 200).getJsonArray("meetings");
    assertEquals("pre_group", meetings.getJsonObject(0).getString("kind"));
    assertTrue(meetings.getJsonObject(0).getBoolean("held"));
    assertEquals("mid_course", meetings.getJsonObject(1).getString("kind"));
    assertFalse(meetings.getJsonObject(1).getBoolean("planned"), "the facilitator scheduled it");
    assertTrue(meetings.getJsonObject(1).getString("scheduledAt").startsWith("2030-04-10"));

    JsonObject plan = expect(server.get(base + "/review", token), 200).getJsonObject("relapsePlan");
    assertEquals("Staying in bed on weekends", plan.getString("warningSigns"));
    assertEquals("Call my sister; walk every morning", plan.getString("strategies"));
    assertEquals("My sister, my GP", plan.getString("supports"));
  }
}
