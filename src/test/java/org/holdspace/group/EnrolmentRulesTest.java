package org.holdspace.group;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Enrolment rules: a facilitator finds and enrols only free members or members of their own groups")
@ExtendWith(TestServerExtension.class)
class EnrolmentRulesTest {
  private static TestServer server;
  private static TestServer.Account hale;
  private static TestServer.Account reed;
  private static long haleGroup;
  private static long reedGroup;
  private static TestServer.Account free;
  private static TestServer.Account ownMember;
  private static TestServer.Account othersMember;

  @BeforeAll
  static void accounts() {
    hale = server.newAccount("facilitator", "Dr. Hale");
    reed = server.newAccount("facilitator", "Dr. Reed");
    haleGroup = server.newGroup(hale, "ipt", 12).getLong("id");
    reedGroup = server.newGroup(reed, "ipt", 12).getLong("id");
    free = server.newAccount("member", "Quinn Free");
    ownMember = server.newAccount("member", "Quinn Own");
    othersMember = server.newAccount("member", "Quinn Other");
    server.enrol(hale, haleGroup, ownMember);
    server.enrol(reed, reedGroup, othersMember);
  }

  private static List<Long> candidates(String token, String query) {
    JsonObject page = expect(server.get("/api/users/candidates?limit=100&query=" + query, token), 200);
    List<Long> ids = page.getJsonArray("users").stream().map(u -> ((JsonObject) u).getLong("id")).toList();
    assertEquals(ids.size(), page.getInteger("total"));
    return ids;
  }

  private static io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> enrol(String token, long groupId,
                                                                                          long userId) {
    return server.post("/api/groups/" + groupId + "/members", token, new JsonObject().put("userId", userId));
  }

  @Test
  @DisplayName("candidates are free members and the facilitator's own members, with id, username and name only")
  void candidatesOfAFacilitator() {
    List<Long> found = candidates(hale.token(), "quinn");
    assertTrue(found.contains(free.id()));
    assertTrue(found.contains(ownMember.id()));
    assertFalse(found.contains(othersMember.id()));
    JsonObject first = expect(server.get("/api/users/candidates?query=quinn%20free", hale.token()), 200)
        .getJsonArray("users").getJsonObject(0);
    assertEquals(new JsonObject().put("id", free.id()).put("username", free.username())
        .put("displayName", "Quinn Free"), first);
    assertFalse(candidates(hale.token(), "").contains(reed.id()), "facilitators are never candidates");
    assertEquals(1, expect(server.get("/api/users/candidates?query=quinn&limit=1", hale.token()), 200)
        .getJsonArray("users").size());
  }

  @Test
  @DisplayName("an admin finds every active member; a member may not look")
  void candidatesOfAnAdmin() {
    assertTrue(candidates(server.adminToken(), "quinn").containsAll(List.of(free.id(), ownMember.id(),
        othersMember.id())));
    expect(server.get("/api/users/candidates", free.token()), 403);
  }

  @Test
  @DisplayName("another group's member, a facilitator, an admin, an inactive member and an unknown id get one 404")
  void sameAnswerForEveryIdThatCannotBeEnrolled() {
    TestServer.Account gone = server.newAccount("member", "Quinn Gone");
    expect(server.call(io.vertx.core.http.HttpMethod.PATCH, "/api/users/" + gone.id(), server.adminToken(),
        new JsonObject().put("active", false)), 200);
    long adminId = expect(server.get("/api/users?role=admin", server.adminToken()), 200).getJsonArray("users")
        .getJsonObject(0).getLong("id");
    String unknown = enrol(hale.token(), haleGroup, 987_654_321L).bodyAsString();
    assertEquals(404, enrol(hale.token(), haleGroup, 987_654_321L).statusCode());
    for (long id : List.of(othersMember.id(), reed.id(), hale.id(), adminId, gone.id())) {
      var answer = enrol(hale.token(), haleGroup, id);
      assertEquals(404, answer.statusCode(), "id " + id);
      assertEquals(unknown, answer.bodyAsString(), "id " + id);
    }
    assertFalse(candidates(server.adminToken(), "quinn").contains(gone.id()));
  }

  @Test
  @DisplayName("a facilitator enrols a free member and a member of their own other group; an admin enrols anyone")
  void whoMayBeEnrolled() {
    long second = server.newGroup(hale, "ipt", 12).getLong("id");
    TestServer.Account another = server.newAccount("member", "Quinn Another");
    expect(enrol(hale.token(), second, another.id()), 201);
    expect(enrol(hale.token(), second, ownMember.id()), 201);
    expect(enrol(hale.token(), second, ownMember.id()), 409);
    expect(enrol(server.adminToken(), second, othersMember.id()), 201);
    expect(enrol(server.adminToken(), 987_654_321L, free.id()), 404);
  }
}
