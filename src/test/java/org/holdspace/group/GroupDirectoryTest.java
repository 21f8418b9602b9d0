package org.holdspace.group;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Finding members to enrol and the admin's overview of groups")
@ExtendWith(TestServerExtension.class)
class GroupDirectoryTest {
  private static TestServer server;

  private static List<Long> ids(String path, String token) {
    JsonObject page = expect(server.get(path, token), 200);
    JsonArray found = page.getJsonArray("users");
    assertEquals(found.size(), page.getLong("total"), "a page of fewer than the limit holds them all");
    return found.stream().map(o -> ((JsonObject) o).getLong("id")).toList();
  }

  @Test
  @DisplayName("a facilitator finds members in no group or in their own groups, never other groups' members or staff")
  void candidates() {
    TestServer.Account mine = server.newAccount("facilitator", "Dr. Candidate");
    TestServer.Account theirs = server.newAccount("facilitator", "Dr. Elsewhere Candidate");
    TestServer.Account free = server.newAccount("member", "Free Candidate");
    TestServer.Account enrolledHere = server.newAccount("member", "Here Candidate");
    TestServer.Account enrolledThere = server.newAccount("member", "There Candidate");
    long myGroup = server.newGroup(mine, "ipt", 12).getLong("id");
    long theirGroup = server.newGroup(theirs, "ipt", 12).getLong("id");
    server.enrol(mine, myGroup, enrolledHere);
    server.enrol(theirs, theirGroup, enrolledThere);

    List<Long> found = ids("/api/users/candidates?query=candidate", mine.token());
    assertTrue(found.containsAll(List.of(free.id(), enrolledHere.id())), found.toString());
    assertFalse(found.contains(enrolledThere.id()), "a member of another facilitator's group");
    assertFalse(found.contains(theirs.id()) || found.contains(mine.id()), "facilitators are not candidates");
    assertEquals(List.of(free.id()), ids("/api/users/candidates?query=free%20cand", mine.token()));

    List<Long> forAdmin = ids("/api/users/candidates?query=candidate", server.adminToken());
    assertTrue(forAdmin.containsAll(List.of(free.id(), enrolledHere.id(), enrolledThere.id())), forAdmin.toString());
    expect(server.get("/api/users/candidates", enrolledHere.token()), 403);
    assertEquals("bad_request", expect(server.get("/api/users/candidates?query=" + "x".repeat(101), mine.token()), 400)
        .getString("code"));
  }

  @Test
  @DisplayName("an admin pages through every group with its facilitators, members and session")
  void overview() {
    TestServer.Account facilitator = server.newAccount("facilitator", "Dr. Overview");
    TestServer.Account member = server.newAccount("member", "Overview Member");
    JsonObject group = server.newGroup(facilitator, "ipt", 12);
    server.enrol(facilitator, group.getLong("id"), member);
    server.startSession(facilitator, group.getLong("id"));

    JsonObject page = expect(server.get("/api/admin/groups?limit=1", server.adminToken()), 200);
    assertEquals(1, page.getJsonArray("groups").size());
    assertTrue(page.getLong("total") >= 1);
    JsonObject newest = page.getJsonArray("groups").getJsonObject(0);
    assertEquals(group.getLong("id"), newest.getLong("id"));
    assertEquals("ipt", newest.getString("protocol"));
    assertEquals(1, newest.getInteger("currentSession"));
    assertEquals("live", newest.getString("sessionStatus"));
    assertEquals(1L, newest.getLong("members"));
    assertEquals("Dr. Overview", newest.getJsonArray("facilitators").getJsonObject(0).getString("displayName"));
    expect(server.get("/api/admin/groups", facilitator.token()), 403);
    expect(server.get("/api/admin/groups?limit=0", server.adminToken()), 400);
  }
}
