package org.holdspace.clinical;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.holdspace.support.ChatClient;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Arrays;
import java.util.List;

import static org.holdspace.support.ChatClient.seconds;
import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Instruments, WSAS, the C-SSRS screener and outcome flags over HTTP")
@ExtendWith(TestServerExtension.class)
class OutcomesApiTest {
  private static TestServer server;

  private static JsonObject measure(String instrument, int... answers) {
    return new JsonObject().put("instrument", instrument)
        .put("answers", new JsonArray(Arrays.stream(answers).boxed().toList()));
  }

  @Test
  @DisplayName("GET /api/instruments lists every instrument the measures call accepts, with items and bands")
  void instruments() {
    Cast cast = Cast.of(server, 12);
    JsonArray list = MeasuresApiTest.expect200Array(server.get("/api/instruments", cast.member.token()));
    List<String> ids = list.stream().map(o -> ((JsonObject) o).getString("id")).toList();
    assertEquals(List.of("phq9", "gad7", "wsas", "cssrs_screen"), ids);
    JsonObject wsas = list.getJsonObject(2);
    assertEquals(5, wsas.getJsonArray("items").size());
    assertEquals(8, wsas.getJsonArray("items").getJsonObject(0).getInteger("max"));
    assertEquals(401, server.get("/api/instruments", null).statusCode());
  }

  @Test
  @DisplayName("a WSAS is scored 0-40 with its bands; PHQ-9's difficulty answer is stored and not scored")
  void wsasAndDifficulty() {
    Cast cast = Cast.of(server, 12);
    JsonObject wsas = expect(server.post(cast.memberPath("/measures"), cast.member.token(),
        measure("wsas", 8, 4, 2, 1, 0)), 201);
    assertEquals(15, wsas.getInteger("total"));
    assertEquals("significant", wsas.getString("severity"));
    MeasuresApiTest.assertBadRequest(server.post(cast.memberPath("/measures"), cast.member.token(),
        measure("wsas", 9, 0, 0, 0, 0)), "answers");
    JsonObject phq = expect(server.post(cast.memberPath("/measures"), cast.member.token(),
        measure("phq9", 1, 1, 1, 1, 1, 1, 1, 1, 0).put("difficulty", 2)), 201);
    assertEquals(8, phq.getInteger("total"));
    assertEquals(2, phq.getInteger("difficulty"));
    MeasuresApiTest.assertBadRequest(server.post(cast.memberPath("/measures"), cast.member.token(),
        measure("phq9", 1, 1, 1, 1, 1, 1, 1, 1, 0).put("difficulty", 5)), "difficulty");
    JsonArray listed = MeasuresApiTest.expect200Array(server.get(cast.memberPath("/measures"), cast.member.token()));
    assertEquals(2, listed.getJsonObject(1).getInteger("difficulty"));
  }

  @Test
  @DisplayName("a C-SSRS screen of moderate or high risk alerts the facilitators; low raises nothing; bad answers 400")
  void cssrs() {
    Cast cast = Cast.of(server, 12);
    ChatClient facilitatorSocket = server.connect(cast.facilitator);
    facilitatorSocket.join(cast.groupId, null).await();
    String path = cast.memberPath("/measures");
    JsonObject low = expect(server.post(path, cast.member.token(), measure("cssrs_screen", 1, 1, 0, 0, 0, 0)), 201);
    assertEquals("low", low.getString("severity"));
    assertEquals(2, low.getInteger("total"));
    MeasuresApiTest.assertBadRequest(server.post(path, cast.member.token(),
        measure("cssrs_screen", 1, 0, 1, 0, 0, 0)), "answers");
    MeasuresApiTest.assertBadRequest(server.post(path, cast.member.token(),
        measure("cssrs_screen", 0, 0, 0, 0, 0, 1)), "q6Recent");
    MeasuresApiTest.assertBadRequest(server.post(path, cast.member.token(),
        measure("cssrs_screen", 0, 0, 0, 0, 0, 1).put("q6Recent", "yes")), "q6Recent");
    JsonObject high = expect(server.post(path, cast.member.token(),
        measure("cssrs_screen", 0, 0, 0, 0, 0, 1).put("q6Recent", true)), 201);
    assertEquals("high", high.getString("severity"));
    assertEquals(true, high.getBoolean("q6Recent"));
    JsonObject alert = facilitatorSocket.await(f -> "alert".equals(f.getString("type")), seconds(5))
        .getJsonObject("alert");
    assertEquals("cssrs", alert.getString("kind"));
    assertEquals(high.getLong("id"), alert.getJsonObject("ref").getLong("measureId"));
    JsonObject moderate = expect(server.post(path, cast.member.token(),
        measure("cssrs_screen", 1, 1, 1, 0, 0, 0)), 201);
    assertEquals("moderate", moderate.getString("severity"));
    JsonArray alerts = MeasuresApiTest.expect200Array(server.get(cast.groupPath("/alerts"), cast.facilitator.token()));
    assertEquals(2, alerts.stream().filter(a -> "cssrs".equals(((JsonObject) a).getString("kind"))).count());
    facilitatorSocket.close();
  }

  @Test
  @DisplayName("outcome flags: the member and the facilitator only, null without data, and the contract's values")
  void outcomes() {
    Cast cast = Cast.of(server, 12);
    JsonObject empty = expect(cast.checkSelfOrFacilitator(HttpMethod.GET, cast.memberPath("/outcomes"), who -> null,
        200, "outcomes.read"), 200);
    assertEquals(cast.member.id(), empty.getLong("userId"));
    assertNull(empty.getJsonObject("phq9").getValue("baseline"));
    assertTrue(empty.containsKey("recovery") && empty.getValue("recovery") == null);
    String path = cast.memberPath("/measures");
    String token = cast.member.token();
    expect(server.post(path, token, measure("phq9", 2, 2, 2, 2, 2, 2, 2, 2, 0)), 201);
    expect(server.post(path, token, measure("gad7", 2, 2, 2, 2, 2, 0, 0)), 201);
    expect(server.post(path, token, measure("phq9", 1, 1, 1, 0, 0, 0, 0, 0, 0)), 201);
    expect(server.post(path, token, measure("gad7", 1, 1, 0, 0, 0, 0, 0)), 201);
    JsonObject flags = expect(server.get(cast.memberPath("/outcomes"), token), 200);
    assertEquals(new JsonObject().put("baseline", 16).put("latest", 3).put("change", -13), flags.getJsonObject("phq9"));
    assertEquals(new JsonObject().put("baseline", 10).put("latest", 2).put("change", -8), flags.getJsonObject("gad7"));
    assertEquals(new JsonObject().put("baseline", true).put("latest", false), flags.getJsonObject("caseness"));
    for (String f : List.of("reliableImprovement", "recovery", "reliableRecovery", "response", "remission")) {
      assertEquals(true, flags.getBoolean(f), f);
    }
    assertEquals(false, flags.getBoolean("reliableDeterioration"));
    JsonObject dashboard = expect(server.get(cast.groupPath("/dashboard"), cast.facilitator.token()), 200);
    JsonObject totals = dashboard.getJsonObject("outcomes");
    assertEquals(2, totals.getInteger("members"));
    assertEquals(1, totals.getInteger("recovery"));
    assertEquals(1, totals.getInteger("reliableImprovement"));
    assertEquals(0, totals.getInteger("reliableDeterioration"));
    JsonObject row = dashboard.getJsonArray("members").stream().map(JsonObject.class::cast)
        .filter(m -> m.getLong("id") == cast.member.id()).findFirst().orElseThrow();
    assertEquals(true, row.getJsonObject("outcomes").getBoolean("recovery"));
  }

  @Test
  @DisplayName("the questionnaire that makes reliable deterioration true raises one deterioration alert at once")
  void deteriorationAlert() {
    Cast cast = Cast.of(server, 12);
    ChatClient facilitatorSocket = server.connect(cast.facilitator);
    facilitatorSocket.join(cast.groupId, null).await();
    String path = cast.memberPath("/measures");
    String token = cast.member.token();
    expect(server.post(path, token, measure("phq9", 1, 1, 1, 1, 0, 0, 0, 0, 0)), 201);
    expect(server.post(path, token, measure("gad7", 1, 1, 0, 0, 0, 0, 0)), 201);
    expect(server.post(path, token, measure("gad7", 1, 1, 1, 0, 0, 0, 0)), 201);
    JsonObject worse = expect(server.post(path, token, measure("phq9", 2, 2, 2, 2, 2, 0, 0, 0, 0)), 201);
    JsonObject alert = facilitatorSocket.await(f -> "alert".equals(f.getString("type")), seconds(5))
        .getJsonObject("alert");
    assertEquals("deterioration", alert.getString("kind"));
    assertEquals(cast.member.id(), alert.getLong("userId"));
    assertEquals(worse.getLong("id"), alert.getJsonObject("ref").getLong("measureId"));
    expect(server.post(path, token, measure("phq9", 2, 2, 2, 2, 2, 1, 0, 0, 0)), 201);
    JsonArray alerts = MeasuresApiTest.expect200Array(server.get(cast.groupPath("/alerts"), cast.facilitator.token()));
    assertEquals(1, alerts.stream().filter(a -> "deterioration".equals(((JsonObject) a).getString("kind"))).count(),
        "still deteriorated: no second alert");
    assertFalse(expect(server.get(cast.memberPath("/outcomes"), token), 200).getBoolean("reliableImprovement"));
    facilitatorSocket.close();
  }
}
