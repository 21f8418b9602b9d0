package org.holdspace.group;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Groups over HTTP")
@ExtendWith(TestServerExtension.class)
class GroupApiTest {
  private static TestServer server;
  private static TestServer.Account facilitator;
  private static TestServer.Account otherFacilitator;

  @BeforeAll
  static void start() {
    facilitator = server.newAccount("facilitator", "Dr. Ng");
    otherFacilitator = server.newAccount("facilitator", "Dr. Other");
  }

  private static JsonObject create(String protocol, int sessions, String firstSessionAt) {
    return expect(server.post("/api/groups", facilitator.token(), new JsonObject().put("name", "Thursday group")
        .put("protocol", protocol).put("sessionCount", sessions).put("firstSessionAt", firstSessionAt)), 201);
  }

  private static String badRequest(TestServer.Account who, String path, Object body, boolean put) {
    JsonObject answer = expect(put ? server.put(path, who.token(), body) : server.post(path, who.token(), body), 400);
    assertEquals("bad_request", answer.getString("code"));
    return answer.getString("message");
  }

  private static String phases(JsonArray plan) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < plan.size(); i++) {
      sb.append(plan.getJsonObject(i).getString("phase").charAt(0));
    }
    return sb.toString();
  }

  @ParameterizedTest(name = "{0} with {1} sessions")
  @DisplayName("a facilitator creates a group whose weekly plan has the protocol's phases")
  @CsvSource({
      "ipt, 12, iiimmmmmmmtt",
      "ipt, 14, iiimmmmmmmmmtt",
      "ipt, 16, iiimmmmmmmmmmmtt",
      "dit, 16, iiiimmmmmmmmtttt",
  })
  void createWithPlan(String protocol, int sessions, String expectedPhases) {
    JsonObject group = create(protocol, sessions, "2026-03-03T18:30:00Z");
    assertTrue(group.getLong("id") > 0);
    assertEquals("Thursday group", group.getString("name"));
    assertEquals(protocol, group.getString("protocol"));
    assertEquals(sessions, group.getInteger("sessionCount"));
    assertEquals(0, group.getInteger("currentSession"));
    assertEquals("initial", group.getString("phase"));
    assertEquals(new JsonArray(), group.getJsonArray("members"));
    JsonArray plan = group.getJsonArray("plan");
    assertEquals(expectedPhases, phases(plan));
    Instant first = Instant.parse("2026-03-03T18:30:00Z");
    for (int i = 0; i < plan.size(); i++) {
      assertEquals(i + 1, plan.getJsonObject(i).getInteger("number"));
      assertEquals(first.plus(Duration.ofDays(7L * i)), Instant.parse(plan.getJsonObject(i).getString("scheduledAt")));
    }
    JsonObject read = expect(server.get("/api/groups/" + group.getLong("id"), facilitator.token()), 200);
    assertEquals(plan, read.getJsonArray("plan"));
  }

  @Test
  @DisplayName("without firstSessionAt the plan starts at the next full hour, and durationMinutes defaults to 90")
  void defaults() {
    Instant before = Instant.now();
    JsonObject group = expect(server.post("/api/groups", facilitator.token(),
        new JsonObject().put("name", "Defaults").put("protocol", "ipt").put("sessionCount", 12)), 201);
    Instant first = Instant.parse(group.getJsonArray("plan").getJsonObject(0).getString("scheduledAt"));
    assertTrue(first.isAfter(before) && !first.isAfter(before.plus(Duration.ofHours(1))), first.toString());
    assertEquals(0, first.getEpochSecond() % 3600);
    assertEquals(90, group.getInteger("durationMinutes"));
  }

  @Test
  @DisplayName("only facilitators create groups: a member or an admin gets 403")
  void onlyFacilitatorsCreate() {
    TestServer.Account member = server.newAccount("member", "Mia");
    JsonObject body = new JsonObject().put("name", "Mine").put("protocol", "ipt").put("sessionCount", 12);
    assertEquals("forbidden", expect(server.post("/api/groups", member.token(), body), 403).getString("code"));
    expect(server.post("/api/groups", server.adminToken(), body), 403);
    expect(server.post("/api/groups", null, body), 401);
  }

  @ParameterizedTest(name = "{1}")
  @DisplayName("an invalid count, an unknown protocol or another bad field gets 400 naming the field")
  @CsvSource(delimiter = '|', value = {
      "sessionCount|{\"name\":\"G\",\"protocol\":\"ipt\",\"sessionCount\":11}",
      "sessionCount|{\"name\":\"G\",\"protocol\":\"ipt\",\"sessionCount\":17}",
      "sessionCount|{\"name\":\"G\",\"protocol\":\"dit\",\"sessionCount\":12}",
      "sessionCount|{\"name\":\"G\",\"protocol\":\"ipt-individual\",\"sessionCount\":20}",
      "sessionCount|{\"name\":\"G\",\"protocol\":\"ipt\",\"sessionCount\":12.5}",
      "sessionCount|{\"name\":\"G\",\"protocol\":\"ipt\",\"sessionCount\":\"12\"}",
      "sessionCount|{\"name\":\"G\",\"protocol\":\"ipt\",\"sessionCount\":-12}",
      "sessionCount|{\"name\":\"G\",\"protocol\":\"ipt\"}",
      "protocol|{\"name\":\"G\",\"protocol\":\"cbt\",\"sessionCount\":12}",
      "protocol|{\"name\":\"G\",\"protocol\":\"IPT\",\"sessionCount\":12}",
      "protocol|{\"name\":\"G\",\"sessionCount\":12}",
      "name|{\"protocol\":\"ipt\",\"sessionCount\":12}",
      "name|{\"name\":\"   \",\"protocol\":\"ipt\",\"sessionCount\":12}",
      "name|{\"name\":[\"G\"],\"protocol\":\"ipt\",\"sessionCount\":12}",
      "firstSessionAt|{\"name\":\"G\",\"protocol\":\"ipt\",\"sessionCount\":12,\"firstSessionAt\":\"next tuesday\"}",
      "firstSessionAt|{\"name\":\"G\",\"protocol\":\"ipt\",\"sessionCount\":12,\"firstSessionAt\":1767718800}",
      "durationMinutes|{\"name\":\"G\",\"protocol\":\"ipt\",\"sessionCount\":12,\"durationMinutes\":5}",
      "durationMinutes|{\"name\":\"G\",\"protocol\":\"ipt\",\"sessionCount\":12,\"durationMinutes\":\"90\"}",
      "body|",
      "body|not json",
      "body|[{\"name\":\"G\"}]",
  })
  void invalidGroups(String field, String body) {
    String message = badRequest(facilitator, "/api/groups", body, false);
    assertTrue(message.startsWith(field + ":"), message);
  }

  @Test
  @DisplayName("its facilitator sees each member's focus area; its members see the group without anyone's")
  void whoSeesWhat() {
    long groupId = create("ipt", 12, "2026-03-03T18:30:00Z").getLong("id");
    TestServer.Account ana = server.newAccount("member", "Ana");
    TestServer.Account ben = server.newAccount("member", "Ben");
    server.enrol(facilitator, groupId, ana);
    server.enrol(facilitator, groupId, ben);
    expect(server.put("/api/groups/" + groupId + "/members/" + ana.id() + "/focus", facilitator.token(),
        new JsonObject().put("area", "role_transition").put("goal", "settle into the new job")), 200);

    JsonObject asFacilitator = expect(server.get("/api/groups/" + groupId, facilitator.token()), 200);
    JsonArray members = asFacilitator.getJsonArray("members");
    assertEquals(List.of(ana.id(), ben.id()), ids(members));
    assertEquals("Ana", members.getJsonObject(0).getString("displayName"));
    assertEquals("role_transition", members.getJsonObject(0).getString("focusArea"));
    assertTrue(members.getJsonObject(1).containsKey("focusArea"));
    assertNull(members.getJsonObject(1).getString("focusArea"));

    JsonObject asMember = expect(server.get("/api/groups/" + groupId, ben.token()), 200);
    for (String field : List.of("id", "name", "protocol", "sessionCount", "currentSession", "phase")) {
      assertEquals(asFacilitator.getValue(field), asMember.getValue(field), field);
    }
    JsonArray seenByMember = asMember.getJsonArray("members");
    assertEquals(List.of(ana.id(), ben.id()), ids(seenByMember));
    String encoded = asMember.encode();
    assertFalse(encoded.contains("focus"), encoded);
    assertFalse(encoded.contains("role_transition"), encoded);
    assertFalse(encoded.contains("new job"), encoded);
  }

  @Test
  @DisplayName("anyone else gets 403, an unknown group 404")
  void othersForbidden() {
    long groupId = create("ipt", 12, "2026-03-03T18:30:00Z").getLong("id");
    TestServer.Account stranger = server.newAccount("member", "Stranger");
    assertEquals("forbidden", expect(server.get("/api/groups/" + groupId, stranger.token()), 403).getString("code"));
    expect(server.get("/api/groups/" + groupId, otherFacilitator.token()), 403);
    expect(server.get("/api/groups/" + groupId, server.adminToken()), 403);
    assertEquals("not_found", expect(server.get("/api/groups/999999", facilitator.token()), 404).getString("code"));
    expect(server.get("/api/groups/abc", facilitator.token()), 404);
    expect(server.get("/api/groups/0", facilitator.token()), 404);
    expect(server.get("/api/groups/99999999999999999999", facilitator.token()), 404);
    expect(server.get("/api/groups/" + groupId, null), 401);
  }

  @Test
  @DisplayName("enrolment: 201, then the member sees the group and it is listed among theirs")
  void enrol() {
    long groupId = create("ipt", 12, "2026-03-03T18:30:00Z").getLong("id");
    TestServer.Account member = server.newAccount("member", "Cleo");
    JsonObject answer = expect(server.post("/api/groups/" + groupId + "/members", facilitator.token(),
        new JsonObject().put("userId", member.id())), 201);
    assertEquals(member.id(), answer.getLong("userId"));
    expect(server.get("/api/groups/" + groupId, member.token()), 200);
    var mine = server.get("/api/groups", member.token());
    assertEquals(200, mine.statusCode());
    JsonArray groups = mine.bodyAsJsonArray();
    assertEquals(1, groups.size());
    assertEquals(groupId, groups.getJsonObject(0).getLong("id"));
    assertEquals("member", groups.getJsonObject(0).getString("role"));
  }

  @Test
  @DisplayName("enrolling a facilitator, an admin or an unknown user gets 404, the same member twice 409")
  void enrolRefusals() {
    long groupId = create("ipt", 12, "2026-03-03T18:30:00Z").getLong("id");
    String path = "/api/groups/" + groupId + "/members";
    long adminId = expect(server.post("/api/auth/login", null, new JsonObject().put("username", "admin")
        .put("password", TestServer.ADMIN_PASSWORD)), 200).getJsonObject("user").getLong("id");
    for (long id : List.of(otherFacilitator.id(), adminId, 987654L)) {
      assertEquals("not_found", expect(server.post(path, facilitator.token(), new JsonObject().put("userId", id)), 404)
          .getString("code"));
    }
    TestServer.Account member = server.newAccount("member", "Dev");
    server.enrol(facilitator, groupId, member);
    assertEquals("conflict", expect(server.post(path, facilitator.token(), new JsonObject().put("userId", member.id())),
        409).getString("code"));
    assertTrue(badRequest(facilitator, path, new JsonObject().put("userId", "Dev"), false).startsWith("userId:"));
    assertTrue(badRequest(facilitator, path, new JsonObject(), false).startsWith("userId:"));
    assertTrue(badRequest(facilitator, path, null, false).startsWith("body:"));
  }

  @Test
  @DisplayName("only its facilitator (or an admin) enrols: another facilitator or a member gets 403, an unknown group 404")
  void enrolOnlyByItsFacilitator() {
    long groupId = create("ipt", 12, "2026-03-03T18:30:00Z").getLong("id");
    TestServer.Account member = server.newAccount("member", "Eve");
    TestServer.Account enrolled = server.newAccount("member", "Finn");
    server.enrol(facilitator, groupId, enrolled);
    String path = "/api/groups/" + groupId + "/members";
    JsonObject body = new JsonObject().put("userId", member.id());
    assertEquals("forbidden", expect(server.post(path, otherFacilitator.token(), body), 403).getString("code"));
    expect(server.post(path, enrolled.token(), body), 403);
    expect(server.post("/api/groups/999999/members", facilitator.token(), body), 404);
    expect(server.get("/api/groups/" + groupId, member.token()), 403);
  }

  @Test
  @DisplayName("an ipt-individual group takes one member: the second gets 409")
  void individualTakesOne() {
    long groupId = create("ipt-individual", 12, "2026-03-03T18:30:00Z").getLong("id");
    TestServer.Account first = server.newAccount("member", "Gus");
    TestServer.Account second = server.newAccount("member", "Hal");
    server.enrol(facilitator, groupId, first);
    expect(server.post("/api/groups/" + groupId + "/members", facilitator.token(),
        new JsonObject().put("userId", second.id())), 409);
    JsonObject group = expect(server.get("/api/groups/" + groupId, facilitator.token()), 200);
    assertEquals(List.of(first.id()), ids(group.getJsonArray("members")));
  }

  @Test
  @DisplayName("two members enrolled at the same moment in an ipt-individual group: one gets 201, the other 409")
  void individualUnderConcurrency() {
    long groupId = create("ipt-individual", 12, "2026-03-03T18:30:00Z").getLong("id");
    List<TestServer.Account> members = List.of(server.newAccount("member", "Kai"), server.newAccount("member", "Lee"),
        server.newAccount("member", "Mae"));
    WebClient client = server.clientFrom("127.0.0.1");
    List<Future<HttpResponse<Buffer>>> answers = members.stream().map(m -> server.send(client, HttpMethod.POST,
        "/api/groups/" + groupId + "/members", facilitator.token(), new JsonObject().put("userId", m.id()))).toList();
    Future.join(answers).await();
    List<Integer> statuses = answers.stream().map(a -> a.result().statusCode()).sorted().toList();
    assertEquals(List.of(201, 409, 409), statuses);
    JsonObject group = expect(server.get("/api/groups/" + groupId, facilitator.token()), 200);
    assertEquals(1, group.getJsonArray("members").size());
    client.close();
  }

  @Test
  @DisplayName("setting a focus: 200 with each of the four areas, 400 for an unknown one, 404 for a non-member")
  void focus() {
    long groupId = create("ipt", 12, "2026-03-03T18:30:00Z").getLong("id");
    TestServer.Account member = server.newAccount("member", "Ivy");
    TestServer.Account outsider = server.newAccount("member", "Jo");
    server.enrol(facilitator, groupId, member);
    String path = "/api/groups/" + groupId + "/members/" + member.id() + "/focus";
    for (String area : List.of("grief", "role_dispute", "role_transition", "interpersonal_deficits")) {
      JsonObject answer = expect(server.put(path, facilitator.token(), new JsonObject().put("area", area)), 200);
      assertEquals(area, answer.getString("area"));
      JsonObject group = expect(server.get("/api/groups/" + groupId, facilitator.token()), 200);
      assertEquals(area, group.getJsonArray("members").getJsonObject(0).getString("focusArea"));
    }
    assertTrue(badRequest(facilitator, path, new JsonObject().put("area", "loneliness"), true).startsWith("area:"));
    assertTrue(badRequest(facilitator, path, new JsonObject().put("area", "Grief"), true).startsWith("area:"));
    assertTrue(badRequest(facilitator, path, new JsonObject(), true).startsWith("area:"));
    assertTrue(badRequest(facilitator, path, new JsonObject().put("area", "grief").put("goal", "g".repeat(501)), true)
        .startsWith("goal:"));
    assertTrue(badRequest(facilitator, path, null, true).startsWith("body:"));
    JsonObject grief = new JsonObject().put("area", "grief");
    expect(server.put("/api/groups/" + groupId + "/members/" + outsider.id() + "/focus", facilitator.token(), grief),
        404);
    expect(server.put("/api/groups/" + groupId + "/members/" + facilitator.id() + "/focus", facilitator.token(), grief),
        404);
    assertEquals("forbidden", expect(server.put(path, member.token(), grief), 403).getString("code"));
    expect(server.put(path, otherFacilitator.token(), grief), 403);
    expect(server.put("/api/groups/999999/members/" + member.id() + "/focus", facilitator.token(), grief), 404);
  }

  private static List<Long> ids(JsonArray people) {
    return people.stream().map(p -> ((JsonObject) p).getLong("id")).toList();
  }
}
