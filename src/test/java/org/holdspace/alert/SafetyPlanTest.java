package org.holdspace.alert;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.holdspace.support.LiveGroup;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Collections;

import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("A member's safety plan")
@ExtendWith(TestServerExtension.class)
class SafetyPlanTest {
  private static TestServer server;
  @RegisterExtension
  final LiveGroup group = LiveGroup.of("Dr. Hale", "Ana", "Ben").open(server);
  private final String path = "/api/groups/" + group.id() + "/members/" + group.member(0).id() + "/safety-plan";

  @Test
  @DisplayName("empty until written; the member and the facilitator write it; each facilitator access is audited")
  void readAndWrite() {
    JsonObject empty = expect(server.get(path, group.member(0).token()), 200);
    for (String part : SafetyPlans.PARTS) {
      assertTrue(empty.getJsonArray(part).isEmpty(), part);
    }
    assertNull(empty.getString("updatedAt"));
    JsonObject written = expect(server.put(path, group.member(0).token(), new JsonObject()
        .put("warningSigns", new JsonArray().add("not sleeping").add("skipping meals"))
        .put("peopleToAsk", new JsonArray().add("my sister Carla"))), 200);
    assertEquals(2, written.getJsonArray("warningSigns").size());
    assertEquals(group.member(0).id(), written.getLong("updatedBy"));
    assertTrue(written.getJsonArray("safeEnvironment").isEmpty());
    JsonObject byFacilitator = expect(server.put(path, group.facilitator().token(),
        written.copy().put("professionals", new JsonArray().add("GP: 555 0100")).put("groupId", null)
            .put("userId", null).put("updatedAt", null).put("updatedBy", null)), 400);
    assertTrue(byFacilitator.getString("message").contains("groupId"), "unknown fields are refused");
    JsonObject plan = new JsonObject().put("warningSigns", written.getJsonArray("warningSigns"))
        .put("professionals", new JsonArray().add("GP: 555 0100"));
    JsonObject updated = expect(server.put(path, group.facilitator().token(), plan), 200);
    assertEquals(group.facilitator().id(), updated.getLong("updatedBy"));
    assertEquals(updated, expect(server.get(path, group.member(0).token()), 200));
    String audit = server.get("/api/audit?groupId=" + group.id(), server.adminToken()).bodyAsString();
    assertTrue(audit.contains("safety_plan.write"));
    assertFalse(audit.contains("555 0100"), "the plan's text is not audited");
    expect(server.get(path, group.facilitator().token()), 200);
    assertTrue(server.get("/api/audit?groupId=" + group.id(), server.adminToken()).bodyAsString()
        .contains("safety_plan.read"));
  }

  @Test
  @DisplayName("another member may not read it; lists are bounded")
  void limits() {
    assertEquals(403, server.get(path, group.member(1).token()).statusCode());
    assertEquals(400, server.put(path, group.member(0).token(), new JsonObject()
        .put("distractions", new JsonArray(Collections.nCopies(11, "walk")))).statusCode());
    assertEquals(400, server.put(path, group.member(0).token(), new JsonObject()
        .put("distractions", new JsonArray().add("x".repeat(501)))).statusCode());
    assertEquals(400, server.put(path, group.member(0).token(), new JsonObject()
        .put("distractions", new JsonArray().add(3))).statusCode());
    String facilitatorPath = "/api/groups/" + group.id() + "/members/" + group.facilitator().id() + "/safety-plan";
    assertEquals(404, server.get(facilitatorPath, group.facilitator().token()).statusCode());
  }
}
