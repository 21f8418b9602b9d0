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
    assertEquals(5, passwords.size(), String.join("\n", first));
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
  }
}
