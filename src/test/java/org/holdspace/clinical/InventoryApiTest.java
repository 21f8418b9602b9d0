package org.holdspace.clinical;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import static org.holdspace.clinical.MeasuresApiTest.assertBadRequest;
import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The interpersonal inventory and relationship report cards over HTTP")
@ExtendWith(TestServerExtension.class)
class InventoryApiTest {
  private static TestServer server;

  static JsonObject relationship(String label, int closeness, int satisfaction) {
    return new JsonObject().put("label", label).put("kind", "family").put("closeness", closeness)
        .put("satisfaction", satisfaction);
  }

  static JsonObject inventory(JsonObject... relationships) {
    return new JsonObject().put("relationships", new JsonArray(java.util.List.of((Object[]) relationships)));
  }

  @Test
  @DisplayName("the member and the facilitator may write and read the inventory; others get 403")
  void whoMayWriteAndRead() {
    Cast cast = Cast.of(server, 12);
    JsonObject written = expect(cast.checkSelfOrFacilitator(HttpMethod.PUT, cast.memberPath("/inventory"),
        who -> inventory(relationship("my sister", 4, 2).put("area", "role_dispute")
            .put("works", "weekly calls").put("doesNotWork", "arguing about our mother").put("notes", "written by "
                + who.displayName())), 200, "inventory.write"), 200);
    JsonObject one = written.getJsonArray("relationships").getJsonObject(0);
    assertEquals("my sister", one.getString("label"));
    assertEquals("role_dispute", one.getString("area"));
    assertEquals("weekly calls", one.getString("works"));
    assertEquals("arguing about our mother", one.getString("doesNotWork"));
    assertEquals(cast.facilitator.id(), one.getLong("updatedBy"));
    JsonObject read = expect(cast.checkSelfOrFacilitator(HttpMethod.GET, cast.memberPath("/inventory"), who -> null,
        200, "inventory.read"), 200);
    assertEquals(1, read.getJsonArray("relationships").size());
    assertEquals("written by Dr. Okafor", read.getJsonArray("relationships").getJsonObject(0).getString("notes"));
  }

  @Test
  @DisplayName("editing keeps a relationship's id, leaving it out removes it, and foreign ids get 400")
  void editsKeepIds() {
    Cast cast = Cast.of(server, 12);
    String path = cast.memberPath("/inventory");
    String token = cast.member.token();
    JsonArray first = expect(server.put(path, token, inventory(relationship("partner", 5, 2),
        relationship("old boss", 2, 1))), 200).getJsonArray("relationships");
    long partner = first.getJsonObject(0).getLong("id");
    long boss = first.getJsonObject(1).getLong("id");
    JsonArray second = expect(server.put(path, token, inventory(relationship("best friend", 4, 4),
        relationship("partner", 5, 3).put("id", partner))), 200).getJsonArray("relationships");
    assertEquals(2, second.size());
    assertEquals("best friend", second.getJsonObject(0).getString("label"), "the member's order is kept");
    assertEquals(partner, second.getJsonObject(1).getLong("id"));
    assertEquals(3, second.getJsonObject(1).getInteger("satisfaction"));
    assertTrue(second.stream().noneMatch(r -> ((JsonObject) r).getLong("id") == boss), "left out means removed");

    assertBadRequest(server.put(path, token, inventory(relationship("x", 1, 1).put("id", boss))), "relationships[0].id");
    assertBadRequest(server.put(path, token, inventory(relationship("x", 1, 1).put("id", partner),
        relationship("y", 1, 1).put("id", partner))), "relationships[1].id");
    assertBadRequest(server.put(path, token, inventory(relationship("x", 6, 1))), "relationships[0].closeness");
    assertBadRequest(server.put(path, token, inventory(relationship("x", 1, 1).put("area", "work"))),
        "relationships[0].area");
    assertBadRequest(server.put(path, token, inventory(relationship(" ", 1, 1))), "relationships[0].label");
    assertBadRequest(server.put(path, token, new JsonObject()), "relationships");
    assertEquals(2, expect(server.get(path, token), 200).getJsonArray("relationships").size(),
        "refused writes change nothing");
  }

  @Test
  @DisplayName("after the initial phase the member can no longer rewrite the inventory alone; the facilitator can")
  void memberWritesInInitialPhaseOnly() {
    Cast cast = Cast.of(server, 12);
    String path = cast.memberPath("/inventory");
    expect(server.put(path, cast.member.token(), inventory(relationship("father", 3, 2))), 200);
    expect(server.post(cast.groupPath("/phase"), cast.facilitator.token(), new JsonObject().put("phase", "middle")
        .put("overrideReason", "test course")), 200);
    var refused = server.put(path, cast.member.token(), inventory(relationship("father", 3, 3)));
    assertEquals(409, refused.statusCode());
    assertEquals("conflict", refused.bodyAsJsonObject().getString("code"));
    expect(server.put(path, cast.facilitator.token(), inventory(relationship("father", 3, 3))), 200);
  }

  @Test
  @DisplayName("a report card rates relationships again; the change is the last card minus the first ratings")
  void reportCards() {
    Cast cast = Cast.of(server, 12);
    JsonArray rels = expect(server.put(cast.memberPath("/inventory"), cast.member.token(),
        inventory(relationship("mother", 2, 3), relationship("colleague", 3, 2))), 200).getJsonArray("relationships");
    long mother = rels.getJsonObject(0).getLong("id");
    long colleague = rels.getJsonObject(1).getLong("id");
    JsonObject card = expect(cast.checkSelfOrFacilitator(HttpMethod.POST, cast.memberPath("/report-cards"),
        who -> new JsonObject().put("session", who == cast.member ? 2 : who == cast.facilitator ? 3 : 4).put("ratings", new JsonArray()
            .add(new JsonObject().put("relationshipId", mother).put("closeness", 3).put("satisfaction", 3))),
        201, "report_card.write"), 201);
    assertEquals(3, card.getInteger("session"), "the member's card took session 2, the facilitator's 3");
    expect(server.post(cast.memberPath("/report-cards"), cast.member.token(), new JsonObject().put("session", 8)
        .put("ratings", new JsonArray()
            .add(new JsonObject().put("relationshipId", mother).put("closeness", 4).put("satisfaction", 5))
            .add(new JsonObject().put("relationshipId", colleague).put("closeness", 3).put("satisfaction", 4)))), 201);
    assertEquals(409, server.post(cast.memberPath("/report-cards"), cast.member.token(), new JsonObject()
        .put("session", 8).put("ratings", new JsonArray()
            .add(new JsonObject().put("relationshipId", mother).put("closeness", 1).put("satisfaction", 1))))
        .statusCode(), "one card per session");
    assertBadRequest(server.post(cast.memberPath("/report-cards"), cast.member.token(), new JsonObject()
        .put("ratings", new JsonArray().add(new JsonObject().put("relationshipId", 999999).put("closeness", 1)
            .put("satisfaction", 1)))), "ratings[0].relationshipId");
    assertBadRequest(server.post(cast.memberPath("/report-cards"), cast.member.token(), new JsonObject()
        .put("ratings", new JsonArray())), "ratings");

    JsonObject history = expect(cast.checkSelfOrFacilitator(HttpMethod.GET, cast.memberPath("/report-cards"),
        who -> null, 200, "report_cards.read"), 200);
    assertEquals(3, history.getJsonArray("cards").size());
    JsonObject motherTrend = history.getJsonArray("relationships").getJsonObject(0);
    assertEquals(mother, motherTrend.getLong("id"));
    assertEquals(new JsonObject().put("closeness", 2).put("satisfaction", 3), motherTrend.getJsonObject("initial"));
    assertEquals(3, motherTrend.getJsonArray("ratings").size());
    assertEquals(new JsonObject().put("closeness", 2).put("satisfaction", 2), motherTrend.getJsonObject("change"));
    JsonObject colleagueTrend = history.getJsonArray("relationships").getJsonObject(1);
    assertEquals(new JsonObject().put("closeness", 0).put("satisfaction", 2), colleagueTrend.getJsonObject("change"));
  }

  @Test
  @DisplayName("no log line carries inventory content, and audit details carry no clinical text")
  void nothingClinicalInLogsOrAudit() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    root.addAppender(appender);
    try {
      Cast cast = Cast.of(server, 12);
      String secret = "Uncle-Zebulon-who-drinks";
      expect(server.put(cast.memberPath("/inventory"), cast.facilitator.token(),
          inventory(relationship(secret, 1, 1).put("notes", secret))), 200);
      expect(server.get(cast.memberPath("/inventory"), cast.facilitator.token()), 200);
      assertEquals(400, server.put(cast.memberPath("/inventory"), cast.facilitator.token(),
          inventory(relationship(secret, 9, 1))).statusCode());
      for (ILoggingEvent e : appender.list) {
        assertFalse(e.getFormattedMessage().contains(secret), e.getFormattedMessage());
        assertTrue(e.getThrowableProxy() == null || !e.getThrowableProxy().getMessage().contains(secret));
      }
      assertNotEquals(0, AuditProbe.count(server, cast.groupId, "inventory.write"));
      assertTrue(AuditProbe.details(server, cast.groupId).stream().noneMatch(d -> d.contains(secret)));
    } finally {
      root.detachAppender(appender);
    }
  }
}
