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

/**
 * The live room in a real browser: {@code e2e/room.mjs} drives headless Chromium with a facilitator and two members
 * at once (one on a 375×740 phone) against a real server over a fresh database. Each step is reported as a test.
 */
@DisplayName("The live room in a real browser")
@ExtendWith(TestServerExtension.class)
class RoomBrowserTest {
  private static TestServer server;
  private static Scenario scenario;

  @BeforeAll
  static void runScenario() throws Exception {
    LiveGroup group = LiveGroup.of("Dr. Rivera", "Alex", "Sam").open(server);
    JsonObject cast = new JsonObject().put("groupId", group.id())
        .put("facilitator", person(group.facilitator()))
        .put("members", new JsonArray().add(person(group.member(0))).add(person(group.member(1))));
    scenario = Scenario.run("room.mjs", Path.of("target", "e2e-room-output.txt"), 180, server, cast);
  }

  private static JsonObject person(TestServer.Account a) {
    return new JsonObject().put("id", a.id()).put("username", a.username()).put("password", TestServer.PASSWORD)
        .put("displayName", a.displayName());
  }

  @TestFactory
  @DisplayName("each step of the room scenario")
  Stream<DynamicTest> steps() {
    return scenario.steps();
  }

  @Test
  @DisplayName("the room scenario ran to its end and passed")
  void completed() {
    scenario.assertCompleted();
  }
}
