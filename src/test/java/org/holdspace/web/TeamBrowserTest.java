package org.holdspace.web;

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

/**
 * The console's Team section and the supervisor's read-only console in a real browser: {@code e2e/team.mjs} in
 * headless Chromium (set up like {@link BrowserTest}), one test per step.
 */
@DisplayName("The team section and the supervisor's console in a real browser")
@ExtendWith(TestServerExtension.class)
class TeamBrowserTest {
  private static TestServer server;
  private static Scenario scenario;

  @BeforeAll
  static void run() throws Exception {
    LiveGroup group = LiveGroup.of("Dr. Rivera", "Alex").open(server);
    TestServer.Account colleague = server.newAccount("facilitator", "Dr. Quinlan Marsh");
    TestServer.Account supervisor = server.newAccount("supervisor", "Dr. Okafor");
    TestServer.expect(server.post("/api/groups/" + group.id() + "/supervisors", server.adminToken(),
        new JsonObject().put("userId", supervisor.id())), 201);
    JsonObject cast = new JsonObject().put("groupId", group.id()).put("facilitator", person(group.facilitator()))
        .put("colleague", person(colleague)).put("supervisor", person(supervisor)).put("member", person(group.member(0)));
    scenario = Scenario.run("team.mjs", Path.of("target", "e2e-team-output.txt"), 90, server, cast);
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
}
