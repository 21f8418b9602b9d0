package org.holdspace.group;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.holdspace.support.AuditTrail;
import org.holdspace.support.ChatClient;
import org.holdspace.support.LiveGroup;
import org.holdspace.support.Refusals;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.holdspace.support.ChatClient.seconds;
import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Co-facilitators: added and removed by a facilitator or an admin, equals of the owner")
@ExtendWith(TestServerExtension.class)
class CoFacilitatorTest {
  private static TestServer server;

  @RegisterExtension
  final LiveGroup group = LiveGroup.of("Dr. Owner", "Ana", "Ben");

  private LiveGroup open() {
    return group.open(server);
  }

  private static String path(long groupId, String rest) {
    return "/api/groups/" + groupId + rest;
  }

  private static HttpResponse<Buffer> add(TestServer.Account by, long groupId, long userId) {
    return server.post(path(groupId, "/facilitators"), by.token(), new JsonObject().put("userId", userId));
  }

  private static HttpResponse<Buffer> remove(String token, long groupId, long userId) {
    return server.call(HttpMethod.DELETE, path(groupId, "/facilitators/" + userId), token, null);
  }

  private static List<Long> facilitatorIds(TestServer.Account reader, long groupId) {
    JsonArray list = expect(server.get(path(groupId, ""), reader.token()), 200).getJsonArray("facilitators");
    return list.stream().map(o -> ((JsonObject) o).getLong("id")).toList();
  }

  @Test
  @DisplayName("the owner adds a co-facilitator (201, audited); the group lists both; the same one again is 409")
  void add() {
    open();
    TestServer.Account co = server.newAccount("facilitator", "Dr. Co");
    JsonObject added = expect(add(group.facilitator(), group.id(), co.id()), 201);
    assertEquals(co.id(), added.getLong("id"));
    assertEquals("Dr. Co", added.getString("displayName"));
    assertEquals(List.of(group.facilitator().id(), co.id()), facilitatorIds(group.facilitator(), group.id()));
    assertEquals(List.of(group.facilitator().id(), co.id()), facilitatorIds(group.member(0), group.id()),
        "members see who facilitates");
    assertEquals("conflict", expect(add(group.facilitator(), group.id(), co.id()), 409).getString("code"));
    assertEquals(1, AuditTrail.count(server, group.id(), "group.facilitator_add", group.facilitator().id(), co.id()));
    JsonArray mine = new JsonArray(server.get("/api/groups", co.token()).bodyAsString());
    assertEquals("facilitator", mine.getJsonObject(0).getString("role"), "the group is among the co-facilitator's");
  }

  @Test
  @DisplayName("an admin adds one too; a member and a facilitator of another group get 403; unknown ids 404")
  void whoMayAdd() {
    open();
    TestServer.Account co = server.newAccount("facilitator", "Dr. Admin's Pick");
    TestServer.Account outsider = server.newAccount("facilitator", "Dr. Elsewhere");
    assertEquals(403, add(group.member(0), group.id(), co.id()).statusCode());
    assertEquals(403, add(outsider, group.id(), co.id()).statusCode());
    assertEquals(404, add(group.facilitator(), 999_999, co.id()).statusCode());
    assertEquals(404, add(group.facilitator(), group.id(), 999_999).statusCode());
    expect(server.post(path(group.id(), "/facilitators"), server.adminToken(), new JsonObject().put("userId", co.id())),
        201);
    assertEquals(1, AuditTrail.count(server, group.id(), "group.facilitator_add", null, co.id()));
    assertEquals(404, server.post(path(999_999, "/facilitators"), server.adminToken(),
        new JsonObject().put("userId", co.id())).statusCode());
  }

  @Test
  @DisplayName("an account that is not a facilitator: 404 to a facilitator (they learn nothing of it), 400 to an "
      + "admin naming the rule; nothing changes")
  void onlyFacilitatorAccounts() {
    open();
    TestServer.Account member = server.newAccount("member", "Not Staff");
    TestServer.Account supervisor = server.newAccount("supervisor", "Dr. Sup");
    assertEquals(404, add(group.facilitator(), group.id(), member.id()).statusCode());
    assertEquals(404, add(group.facilitator(), group.id(), supervisor.id()).statusCode());
    JsonObject refused = expect(server.post(path(group.id(), "/facilitators"), server.adminToken(),
        new JsonObject().put("userId", member.id())), 400);
    assertTrue(refused.getString("message").startsWith("userId:"), refused.encode());
    assertEquals(400, server.post(path(group.id(), "/facilitators"), server.adminToken(),
        new JsonObject().put("userId", "seven")).statusCode());
    assertEquals(List.of(group.facilitator().id()), facilitatorIds(group.facilitator(), group.id()));
  }

  @Test
  @DisplayName("removing: 204 and audited, the owner included; someone who is not a facilitator 404; the last one 409")
  void removeAndLast() {
    open();
    TestServer.Account co = server.newAccount("facilitator", "Dr. Second");
    expect(add(group.facilitator(), group.id(), co.id()), 201);
    assertEquals(403, remove(group.member(0).token(), group.id(), co.id()).statusCode());
    assertEquals(404, remove(group.facilitator().token(), group.id(), group.member(0).id()).statusCode());
    assertEquals(204, remove(co.token(), group.id(), group.facilitator().id()).statusCode(),
        "a co-facilitator may remove the owner: they are equals");
    assertEquals(List.of(co.id()), facilitatorIds(co, group.id()));
    assertEquals(403, server.get(path(group.id(), ""), group.facilitator().token()).statusCode(),
        "the removed owner has no rights left");
    JsonObject last = expect(remove(co.token(), group.id(), co.id()), 409);
    assertEquals("conflict", last.getString("code"));
    assertEquals(409, remove(server.adminToken(), group.id(), co.id()).statusCode());
    assertEquals(1, AuditTrail.count(server, group.id(), "group.facilitator_remove", co.id(),
        group.facilitator().id()));
    assertEquals(List.of(co.id()), facilitatorIds(co, group.id()));
  }

  @Test
  @DisplayName("a co-facilitator has every facilitator right: starts the session, mutes, reads the dashboard, "
      + "enrols, acknowledges alerts and gets their frames")
  void equalRights() {
    open();
    TestServer.Account co = server.newAccount("facilitator", "Dr. Equal");
    expect(add(group.facilitator(), group.id(), co.id()), 201);
    ChatClient coSocket = group.joined(co);
    ChatClient member = group.joined(group.member(0));
    expect(server.post(path(group.id(), "/sessions/current/start"), co.token(), null), 200);
    coSocket.request(new JsonObject().put("type", "mute").put("groupId", group.id())
        .put("userId", group.member(1).id())).await();
    coSocket.await(f -> "event".equals(f.getString("type")) && "mute".equals(f.getString("kind")), seconds(5));
    expect(server.get(path(group.id(), "/dashboard"), co.token()), 200);
    expect(server.get(path(group.id(), "/attendance"), co.token()), 200);
    TestServer.Account late = server.newAccount("member", "Cleo");
    expect(server.post(path(group.id(), "/members"), co.token(), new JsonObject().put("userId", late.id())), 201);
    member.request(new JsonObject().put("type", "help").put("groupId", group.id())).await();
    JsonObject alert = coSocket.await(f -> "alert".equals(f.getString("type")), seconds(5));
    long alertId = alert.getJsonObject("alert").getLong("id");
    JsonObject acked = expect(server.post(path(group.id(), "/alerts/" + alertId + "/acknowledge"), co.token(), null),
        200);
    assertEquals(co.id(), acked.getLong("acknowledgedBy"));
    coSocket.request(new JsonObject().put("type", "whisper").put("groupId", group.id())
        .put("userId", group.member(0).id()).put("text", "how are you doing?")).await();
    expect(server.post(path(group.id(), "/sessions/current/end"), co.token(), null), 200);
    assertEquals(1, AuditTrail.count(server, group.id(), "dashboard.read", co.id(), null));
  }

  @Test
  @DisplayName("a member's private message reaches every facilitator, the co-facilitator too")
  void whisperToAll() {
    open();
    TestServer.Account co = server.newAccount("facilitator", "Dr. Listener");
    expect(add(group.facilitator(), group.id(), co.id()), 201);
    ChatClient coSocket = group.joined(co);
    ChatClient owner = group.joined(group.facilitator());
    ChatClient member = group.joined(group.member(0));
    member.request(new JsonObject().put("type", "whisper").put("groupId", group.id()).put("text", "a word")).await();
    coSocket.await(f -> "whisper".equals(f.getString("type")), seconds(5));
    owner.await(f -> "whisper".equals(f.getString("type")), seconds(5));
  }

  @Test
  @DisplayName("a removed facilitator's open socket loses its rights at once: it leaves the room, moderation is "
      + "forbidden and it cannot join again")
  void removedSocket() {
    open();
    TestServer.Account co = server.newAccount("facilitator", "Dr. Leaving");
    expect(add(group.facilitator(), group.id(), co.id()), 201);
    ChatClient coSocket = group.joined(co);
    assertEquals(204, remove(group.facilitator().token(), group.id(), co.id()).statusCode());
    coSocket.await(f -> "left".equals(f.getString("type")), seconds(5));
    assertEquals("forbidden", Refusals.errorCode(() -> coSocket.request(new JsonObject().put("type", "lock")
        .put("groupId", group.id())).await()));
    assertEquals("forbidden", Refusals.errorCode(() -> coSocket.join(group.id(), null).await()));
  }

  @Test
  @DisplayName("the candidate look-up lists active facilitator accounts not on the group, for its facilitators and "
      + "admins only")
  void candidates() {
    open();
    TestServer.Account wanted = server.newAccount("facilitator", "Dr. Findable Zebra");
    server.newAccount("member", "Member Zebra");
    JsonArray found = new JsonArray(expect200(group.facilitator().token(), "zebra").bodyAsString());
    assertEquals(1, found.size(), found.encode());
    assertEquals(wanted.id(), found.getJsonObject(0).getLong("id"));
    assertEquals(1, new JsonArray(expect200(server.adminToken(), "ZEBRA").bodyAsString()).size());
    expect(add(group.facilitator(), group.id(), wanted.id()), 201);
    assertEquals(0, new JsonArray(expect200(group.facilitator().token(), "zebra").bodyAsString()).size(),
        "once on the team it is no candidate");
    assertEquals(403, server.get(path(group.id(), "/facilitator-candidates?query=zebra"), group.member(0).token())
        .statusCode());
    assertEquals(0, new JsonArray(expect200(group.facilitator().token(), "%").bodyAsString()).size(),
        "a wildcard in the query is a plain character");
  }

  private HttpResponse<Buffer> expect200(String token, String query) {
    HttpResponse<Buffer> r = server.get(path(group.id(), "/facilitator-candidates?query="
        + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8)), token);
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r;
  }
}
