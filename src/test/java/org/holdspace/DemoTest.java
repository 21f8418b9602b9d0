package org.holdspace;

import io.vertx.core.json.JsonObject;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@DisplayName("The demo")
@ExtendWith(TestServerExtension.class)
class DemoTest {
  private static final Pattern LOGIN = Pattern.compile("\\s*(\\S+)\\s+(demo-\\S+)\\s+password (\\S+)");
  private static final Pattern GROUP = Pattern.compile("Demo group id: (\\d+)");
  private static TestServer server;

  private static Map<String, String> passwords(List<String> lines) {
    Map<String, String> passwords = new HashMap<>();
    for (String line : lines) {
      Matcher m = LOGIN.matcher(line);
      if (m.matches()) {
        passwords.put(m.group(2), m.group(3));
      }
    }
    return passwords;
  }

  private static long groupId(List<String> lines) {
    for (String line : lines) {
      Matcher m = GROUP.matcher(line);
      if (m.find()) {
        return Long.parseLong(m.group(1));
      }
    }
    throw new AssertionError("no group id in " + lines);
  }

  @Test
  @DisplayName("seeds a 16-session ipt group with four members whose printed logins work, and reseeding reuses it")
  void seedTwice() {
    List<String> first = server.server().services().seedDemo().await();
    Map<String, String> passwords = passwords(first);
    assertEquals(7, passwords.size(), String.join("\n", first));
    long groupId = groupId(first);

    String facilitator = server.login("demo-facilitator", passwords.get("demo-facilitator"));
    JsonObject group = expect(server.get("/api/groups/" + groupId, facilitator), 200);
    assertEquals("ipt", group.getString("protocol"));
    assertEquals(16, group.getInteger("sessionCount"));
    assertEquals(List.of("Alex", "Sam", "Robin", "Jordan"), group.getJsonArray("members").stream()
        .map(m -> ((JsonObject) m).getString("displayName")).toList());
    String member = server.login("demo-member-1", passwords.get("demo-member-1"));
    expect(server.get("/api/groups/" + groupId, member), 200);

    List<String> second = server.server().services().seedDemo().await();
    assertEquals(groupId, groupId(second));
    Map<String, String> fresh = passwords(second);
    assertNotEquals(passwords.get("demo-facilitator"), fresh.get("demo-facilitator"));
    expect(server.post("/api/auth/login", null, new JsonObject().put("username", "demo-facilitator")
        .put("password", passwords.get("demo-facilitator"))), 401);
    String again = server.login("demo-facilitator", fresh.get("demo-facilitator"));
    assertEquals(4, expect(server.get("/api/groups/" + groupId, again), 200).getJsonArray("members").size());
    assertEquals(1, server.get("/api/groups", again).bodyAsJsonArray().size());
    JsonObject reseeded = expect(server.get("/api/groups/" + groupId, again), 200);
    assertEquals(2, reseeded.getJsonArray("facilitators").size(), "reseeding adds no second co-facilitator row");
    assertEquals(1, reseeded.getJsonArray("supervisors").size());
  }

  @Test
  @DisplayName("seeds a co-facilitator and a supervisor whose printed logins work with their standing in the group")
  void teamLogins() {
    List<String> lines = server.server().services().seedDemo().await();
    Map<String, String> passwords = passwords(lines);
    long groupId = groupId(lines);

    String co = server.login("demo-cofacilitator", passwords.get("demo-cofacilitator"));
    JsonObject asCo = expect(server.get("/api/groups/" + groupId, co), 200);
    assertEquals("facilitator", asCo.getJsonObject("you").getString("role"));
    assertEquals(List.of("Dr. Morgan (facilitator)", "Dr. Lee (co-facilitator)"), names(asCo, "facilitators"));
    assertEquals(List.of("Dr. Okafor (supervisor)"), names(asCo, "supervisors"));
    expect(server.post("/api/groups/" + groupId + "/phase", co, new JsonObject().put("phase", "middle")
        .put("overrideReason", "trying the demo")), 200);

    String supervisor = server.login("demo-supervisor", passwords.get("demo-supervisor"));
    JsonObject listed = server.get("/api/groups", supervisor).bodyAsJsonArray().getJsonObject(0);
    assertEquals(groupId, listed.getLong("id"));
    assertEquals("supervisor", listed.getString("role"));
    JsonObject asSupervisor = expect(server.get("/api/groups/" + groupId, supervisor), 200);
    assertEquals("supervisor", asSupervisor.getJsonObject("you").getString("role"));
    expect(server.get("/api/groups/" + groupId + "/dashboard", supervisor), 200);
    assertEquals(403, server.post("/api/groups/" + groupId + "/phase", supervisor,
        new JsonObject().put("phase", "termination").put("overrideReason", "no")).statusCode(), "read-only");
  }

  private static List<String> names(JsonObject group, String key) {
    return group.getJsonArray(key).stream().map(m -> ((JsonObject) m).getString("displayName")).toList();
  }
}
