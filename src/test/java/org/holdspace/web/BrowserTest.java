package org.holdspace.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.holdspace.support.LiveGroup;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web client in a real browser: {@code e2e/scenario.mjs} drives headless Chromium through playwright-core
 * against a real server over a fresh database, with a facilitator and two members in separate browser contexts.
 * Each step of the scenario is reported here as its own test. Screenshots go to {@code target/screenshots/}.
 */
@DisplayName("The web client in a real browser")
class BrowserTest {
  /** A real OpenID Connect provider in this JVM, for "Sign in with …" (it must run before the server starts). */
  private static final MockOAuth2Server PROVIDER = startedProvider();
  private static final String CLIENT = "holdspace-browser";
  @RegisterExtension
  static final TestServerExtension SERVER = TestServerExtension.with(Map.of(
      "oidcIssuer", PROVIDER.issuerUrl("clinic").toString(), "oidcClientId", CLIENT,
      "oidcClientSecret", "a-client-secret", "oidcName", "Clinic ID"));

  private static TestServer server;
  private static Scenario scenario;

  @BeforeAll
  static void runScenario() throws Exception {
    scenario = Scenario.run("scenario.mjs", Path.of("target", "e2e-output.txt"), 150, server, cast());
  }

  private static MockOAuth2Server startedProvider() {
    MockOAuth2Server provider = new MockOAuth2Server();
    provider.start(0);
    return provider;
  }

  @AfterAll
  static void stopProvider() {
    PROVIDER.shutdown();
  }

  /**
   * A facilitator and two members of a 12-session IPT group, one with a focus area set; a member of no group, whose
   * verified e-mail the provider will vouch for once.
   */
  private static JsonObject cast() {
    LiveGroup group = LiveGroup.of("Dr. Rivera", "Alex", "Sam <b>M</b>").open(server);
    TestServer.Account facilitator = group.facilitator();
    TestServer.Account alex = group.member(0);
    TestServer.Account sam = group.member(1);
    long groupId = group.id();
    TestServer.expect(server.put("/api/groups/" + groupId + "/members/" + alex.id() + "/focus", facilitator.token(),
        new JsonObject().put("area", "role_transition").put("goal", "Settle into my new job without pulling away")), 200);
    return new JsonObject().put("groupId", groupId)
        .put("facilitator", person(facilitator))
        .put("members", new JsonArray().add(person(alex)).add(person(sam)))
        .put("spare", spare());
  }

  private static JsonObject spare() {
    TestServer.Account pat = server.newAccount("member", "Pat");
    TestServer.expect(server.call(HttpMethod.PATCH, "/api/users/" + pat.id(), server.adminToken(),
        new JsonObject().put("email", "pat@clinic.example")), 200);
    PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback("clinic", "sub-pat", "JWT", List.of(CLIENT),
        Map.of("email", "pat@clinic.example", "email_verified", true), 3600));
    return person(pat);
  }

  private static JsonObject person(TestServer.Account a) {
    return new JsonObject().put("id", a.id()).put("username", a.username()).put("password", TestServer.PASSWORD)
        .put("displayName", a.displayName());
  }

  @TestFactory
  @DisplayName("each step of the scenario")
  Stream<DynamicTest> steps() {
    return scenario.steps();
  }

  @Test
  @DisplayName("the scenario ran to its end, passed, and saved screenshots of the member page and the console")
  void scenarioCompleted() {
    scenario.assertCompleted();
    for (String shot : List.of("member.png", "member-phone.png", "console.png")) {
      assertTrue(Files.isRegularFile(Scenario.SCREENSHOTS.resolve(shot)), "screenshot " + shot);
    }
  }
}
