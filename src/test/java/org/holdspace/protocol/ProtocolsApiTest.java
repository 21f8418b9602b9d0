package org.holdspace.protocol;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Protocols over HTTP")
@ExtendWith(TestServerExtension.class)
class ProtocolsApiTest {
  private static TestServer server;
  private static TestServer.Account facilitator;
  private static TestServer.Account member;

  @BeforeAll
  static void accounts() {
    facilitator = server.newAccount("facilitator", "Dr. Mwangi");
    member = server.newAccount("member", "Kato");
  }

  private static JsonArray list(String token) {
    var response = server.get("/api/protocols", token);
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonArray();
  }

  private static JsonObject find(JsonArray protocols, String id) {
    return protocols.stream().map(JsonObject.class::cast).filter(p -> id.equals(p.getString("id"))).findFirst()
        .orElseThrow(() -> new AssertionError("no protocol " + id + " in " + protocols));
  }

  private static JsonObject span(String phase, int from, int to) {
    return new JsonObject().put("phase", phase).put("from", from).put("to", to);
  }

  private static JsonObject definition(String id) {
    return new JsonObject().put("id", id).put("name", "Brief group IPT").put("minSessions", 6).put("maxSessions", 10)
        .put("maxMembers", 6)
        .put("phases", new JsonArray().add(span("initial", 1, 2)).add(span("middle", 3, -2))
            .add(span("termination", -1, -1)))
        .put("individualMeetings", new JsonArray().add("pre_group").add("post_group"))
        .put("enrolmentClosesAfter", 2).put("measureEvery", 2);
  }

  @Test
  @DisplayName("every signed-in account lists the built-ins, who-group-ipt with its 8 sessions 1 / 2-7 / 8")
  void listsBuiltIns() {
    for (String token : List.of(member.token(), facilitator.token(), server.adminToken())) {
      JsonArray protocols = list(token);
      assertEquals(List.of("ipt", "ipt-individual", "dit", "who-group-ipt"), protocols.stream().limit(4)
          .map(p -> ((JsonObject) p).getString("id")).toList());
    }
    JsonObject who = find(list(member.token()), "who-group-ipt");
    assertEquals(8, who.getInteger("minSessions"));
    assertEquals(8, who.getInteger("maxSessions"));
    assertEquals(new JsonArray().add(span("initial", 1, 1)).add(span("middle", 2, 7)).add(span("termination", 8, 8)),
        who.getJsonArray("phases"));
    assertEquals(new JsonArray().add("pre_group"), who.getJsonArray("individualMeetings"));
    assertEquals(1, who.getInteger("enrolmentClosesAfter"));
    assertTrue(who.getBoolean("builtIn"));
    JsonObject ipt = find(list(member.token()), "ipt");
    assertEquals(12, ipt.getInteger("minSessions"));
    assertEquals(16, ipt.getInteger("maxSessions"));
    assertEquals(span("termination", -2, -1), ipt.getJsonArray("phases").getJsonObject(2));
    assertNull(ipt.getValue("enrolmentClosesAfter"));
    assertEquals(4, ipt.getInteger("measureEvery"));
    assertEquals(3, find(list(member.token()), "dit").getJsonArray("phases").size());
    assertEquals(401, server.get("/api/protocols", null).statusCode());
  }

  @Test
  @DisplayName("an admin defines a protocol (201, audited); everyone lists it and a facilitator runs a group on it")
  void adminDefines() {
    JsonObject stored = expect(server.post("/api/protocols", server.adminToken(), definition("brief-ipt")), 201);
    assertEquals("brief-ipt", stored.getString("id"));
    assertFalse(stored.getBoolean("builtIn"));
    JsonObject listed = find(list(member.token()), "brief-ipt");
    assertEquals(stored, listed);
    assertEquals(1, server.get("/api/audit", server.adminToken()).bodyAsJsonArray().stream()
        .map(JsonObject.class::cast).filter(e -> e.getString("action").equals("protocol.define")
            && "brief-ipt".equals(e.getJsonObject("detail").getString("protocol"))).count());

    JsonObject group = expect(server.post("/api/groups", facilitator.token(), new JsonObject().put("name", "Brief")
        .put("protocol", "brief-ipt").put("sessionCount", 8)), 201);
    StringBuilder phases = new StringBuilder();
    group.getJsonArray("plan").forEach(s -> phases.append(((JsonObject) s).getString("phase").charAt(0)));
    assertEquals("iimmmmmt", phases.toString());
    long groupId = group.getLong("id");
    JsonObject course = expect(server.get("/api/groups/" + groupId + "/clinical", facilitator.token()), 200);
    assertEquals(2, course.getInteger("measureEvery"), "the protocol's default questionnaire schedule");
    assertEquals(8, course.getInteger("terminationFrom"));
    server.enrol(facilitator, groupId, member);
    JsonArray meetings = expect(server.get("/api/groups/" + groupId + "/members/" + member.id() + "/meetings",
        facilitator.token()), 200).getJsonArray("meetings");
    assertEquals(List.of("pre_group", "post_group"), meetings.stream()
        .map(m -> ((JsonObject) m).getString("kind")).toList(), "only the meetings the protocol plans");
    assertEquals(404, server.put("/api/groups/" + groupId + "/members/" + member.id() + "/meetings/mid_course",
        facilitator.token(), new JsonObject().put("held", true)).statusCode());
    assertEquals(400, server.post("/api/groups", facilitator.token(), new JsonObject().put("name", "Too long")
        .put("protocol", "brief-ipt").put("sessionCount", 11)).statusCode());
  }

  @Test
  @DisplayName("a defined protocol's id may not repeat one defined or built in: 409")
  void duplicate() {
    expect(server.post("/api/protocols", server.adminToken(), definition("twice-ipt")), 201);
    JsonObject again = expect(server.post("/api/protocols", server.adminToken(), definition("twice-ipt")), 409);
    assertEquals("conflict", again.getString("code"));
    assertTrue(again.getString("message").startsWith("id:"), again.getString("message"));
    expect(server.post("/api/protocols", server.adminToken(), definition("who-group-ipt")), 409);
  }

  @Test
  @DisplayName("an unsound definition gets 400 naming the field, and nothing is stored")
  void invalid() {
    JsonObject gap = definition("gap-ipt");
    gap.getJsonArray("phases").getJsonObject(1).put("from", 4);
    JsonObject overlap = definition("overlap-ipt");
    overlap.getJsonArray("phases").getJsonObject(2).put("from", -2);
    JsonObject order = definition("order-ipt");
    order.getJsonArray("phases").getJsonObject(0).put("phase", "middle");
    JsonObject tooShort = definition("short-ipt").put("minSessions", 3);
    JsonObject minMax = definition("minmax-ipt").put("maxSessions", 5);
    JsonObject badId = definition("Bad Id");
    JsonObject closes = definition("closes-ipt").put("enrolmentClosesAfter", 7);
    for (Object[] c : new Object[][] {{gap, "phases[1].from"}, {overlap, "phases[2].from"},
        {order, "phases[0].phase"}, {tooShort, "phases[1].to"}, {minMax, "maxSessions"}, {badId, "id"},
        {closes, "enrolmentClosesAfter"}}) {
      JsonObject answer = expect(server.post("/api/protocols", server.adminToken(), c[0]), 400);
      assertEquals("bad_request", answer.getString("code"));
      assertTrue(answer.getString("message").startsWith(c[1] + ":"), answer.getString("message"));
    }
    assertEquals(400, server.post("/api/protocols", server.adminToken(), "[1").statusCode());
    assertTrue(list(member.token()).stream().noneMatch(p -> ((JsonObject) p).getString("id").endsWith("-ipt")
        && !((JsonObject) p).getBoolean("builtIn") && ((JsonObject) p).getString("id").matches(
        "(gap|overlap|order|short|minmax|closes)-ipt")));
  }

  @Test
  @DisplayName("only admins define protocols: a facilitator or a member gets 403, no token 401")
  void adminsOnly() {
    assertEquals(403, server.post("/api/protocols", facilitator.token(), definition("mine-ipt")).statusCode());
    assertEquals(403, server.post("/api/protocols", member.token(), definition("mine-ipt")).statusCode());
    assertEquals(401, server.post("/api/protocols", null, definition("mine-ipt")).statusCode());
    assertTrue(list(member.token()).stream().noneMatch(p -> "mine-ipt".equals(((JsonObject) p).getString("id"))));
  }
}
