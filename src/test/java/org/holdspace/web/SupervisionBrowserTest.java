package org.holdspace.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.holdspace.support.AuditTrail;
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
import java.util.List;
import java.util.stream.Stream;

import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Supervision in a real browser ({@code e2e/supervision.mjs}, set up like {@link BrowserTest}): the admin creates a
 * supervisor account and assigns it to a group on the admin page, adds and removes a co-facilitator there, and the
 * supervisor signs in and reads the console and the dashboard with no write control; then what the server stored.
 */
@DisplayName("Supervision from the admin page to the supervisor's read-only pages in a real browser")
@ExtendWith(TestServerExtension.class)
class SupervisionBrowserTest {
  private static final String SUPERVISOR = "supervisor-okafor";

  private static TestServer server;
  private static LiveGroup group;
  private static TestServer.Account colleague;
  private static Scenario scenario;

  @BeforeAll
  static void run() throws Exception {
    group = LiveGroup.of("Dr. Rivera", "Alex").open(server);
    colleague = server.newAccount("facilitator", "Dr. Quinlan Marsh");
    String record = "/api/groups/" + group.id() + "/members/" + group.member(0).id();
    expect(server.put(record + "/focus", group.facilitator().token(), new JsonObject().put("area", "role_dispute")), 200);
    expect(server.post(record + "/homework", group.facilitator().token(),
        new JsonObject().put("text", "Write down one disagreement").put("dueSession", 2)), 201);
    String groupName = expect(server.get("/api/groups/" + group.id(), group.facilitator().token()), 200)
        .getString("name");
    JsonObject cast = new JsonObject().put("groupName", groupName)
        .put("admin", new JsonObject().put("username", "admin").put("password", TestServer.ADMIN_PASSWORD))
        .put("supervisor", new JsonObject().put("username", SUPERVISOR).put("password", "a-quiet-harbour-lantern")
            .put("displayName", "Dr. Imani Okafor"))
        .put("colleague", person(colleague)).put("member", person(group.member(0)));
    scenario = Scenario.run("supervision.mjs", Path.of("target", "e2e-supervision-output.txt"), 120, server, cast);
  }

  private static JsonObject person(TestServer.Account a) {
    return new JsonObject().put("id", a.id()).put("username", a.username()).put("password", TestServer.PASSWORD)
        .put("displayName", a.displayName());
  }

  @TestFactory
  @DisplayName("each step")
  Stream<DynamicTest> steps() {
    return scenario.steps();
  }

  @Test
  @DisplayName("the script ran to its end and passed")
  void completed() {
    scenario.assertCompleted();
  }

  @Test
  @DisplayName("the server stored the supervisor account and its assignment, the co-facilitator's coming and going, "
      + "and audited the supervisor's reads")
  void stored() {
    JsonObject account = only(server.get("/api/users?role=supervisor&query=" + SUPERVISOR, server.adminToken()));
    assertEquals("Dr. Imani Okafor", account.getString("displayName"));
    assertTrue(account.getBoolean("active"));
    long supervisorId = account.getLong("id");
    long adminId = only(server.get("/api/users?role=admin&query=admin", server.adminToken())).getLong("id");

    JsonArray supervisors = new JsonArray(expect200("/supervisors").bodyAsString());
    assertEquals(List.of(supervisorId), supervisors.stream().map(s -> ((JsonObject) s).getLong("id")).toList());
    JsonObject stored = expect(server.get("/api/groups/" + group.id(), group.facilitator().token()), 200);
    assertEquals(List.of(group.facilitator().id()), stored.getJsonArray("facilitators").stream()
        .map(f -> ((JsonObject) f).getLong("id")).toList(), "the co-facilitator was added, then removed");

    assertEquals(1, AuditTrail.count(server, group.id(), "group.supervisor_add", adminId, supervisorId));
    assertEquals(1, AuditTrail.count(server, group.id(), "group.facilitator_add", adminId, colleague.id()));
    assertEquals(1, AuditTrail.count(server, group.id(), "group.facilitator_remove", adminId, colleague.id()));
    for (String read : List.of("room.join", "dashboard.read", "homework.read")) {
      assertTrue(AuditTrail.count(server, group.id(), read, supervisorId, null) >= 1, read + " by the supervisor");
    }
  }

  private static JsonObject only(io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> response) {
    JsonArray users = expect(response, 200).getJsonArray("users");
    assertEquals(1, users.size(), users.encode());
    return users.getJsonObject(0);
  }

  private static io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> expect200(String rest) {
    var response = server.get("/api/groups/" + group.id() + rest, server.adminToken());
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response;
  }
}
