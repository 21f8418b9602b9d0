package org.holdspace.security;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.client.HttpResponse;
import org.holdspace.support.ChatClient;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.holdspace.support.ChatClient.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every HTTP route and every /ws frame type, tried by eleven kinds of caller, against the answers written in
 * {@code src/test/resources/authz-matrix.md}. A route or frame type missing from the table fails the test.
 */
@DisplayName("Authorization matrix")
@ExtendWith(TestServerExtension.class)
class AuthorizationMatrixTest {
  private static final List<String> WHO = List.of("anonymous", "expired", "other_key", "alg_none", "outsider_member",
      "member", "outsider_facilitator", "facilitator", "admin", "co_facilitator", "supervisor");
  private static final Set<String> BAD_TOKENS = Set.of("expired", "other_key", "alg_none");
  private static final Set<String> OUTSIDERS = Set.of("anonymous", "expired", "other_key", "alg_none",
      "outsider_member", "outsider_facilitator", "admin");
  private static final AtomicInteger UNIQUE = new AtomicInteger();

  private record Row(String surface, String request, String body, Map<String, String> expected) {
    String label() {
      return surface + " " + request + ("-".equals(body) ? "" : " " + body);
    }
  }

  private static TestServer server;
  private static List<Row> rows;
  private static final Map<String, String> tokens = new LinkedHashMap<>();
  /** The signed-in columns' usernames: a sign-out row signs each of them in afresh and ends only that sign-in. */
  private static final Map<String, String> usernames = new LinkedHashMap<>();
  private static TestServer.Account facilitator;
  /** Added to each group as a second facilitator, and as its supervisor. */
  private static TestServer.Account coFacilitator;
  private static TestServer.Account supervisor;
  private static TestServer.Account member;
  private static TestServer.Account bystander;
  private static TestServer.Account candidate;
  /** The member's clinical records made during set-up, for {@code {relationship}}, {@code {goal}}, {@code :homeworkId}. */
  private static long relationshipId;
  private static long goalId;
  private static long homeworkId;
  /** An alert of the group, raised by the member's request for help during set-up, for {@code :alertId}. */
  private static long alertId;
  /** An account made to be erased by the erasure row. */
  private static TestServer.Account erasable;

  @BeforeAll
  static void start() throws IOException {
    rows = readTable();
    facilitator = server.newAccount("facilitator", "Dr. Matrix");
    member = server.newAccount("member", "Mira");
    bystander = server.newAccount("member", "Bo");
    candidate = server.newAccount("member", "Cand");
    erasable = server.newAccount("member", "Eve");
    coFacilitator = server.newAccount("facilitator", "Dr. Co");
    supervisor = server.newAccount("supervisor", "Dr. Sup");
    TestServer.Account outsiderFacilitator = server.newAccount("facilitator", "Dr. Out");
    TestServer.Account outsiderMember = server.newAccount("member", "Otto");
    long otherGroup = server.newGroup(outsiderFacilitator, "ipt", 12).getLong("id");
    server.enrol(outsiderFacilitator, otherGroup, outsiderMember);

    String secret = server.config().jwtSecret().orElseThrow();
    long now = Jwts.now();
    String valid = Jwts.hs256(Jwts.claims(facilitator, "facilitator", now, now + 600), secret);
    assertEquals(200, server.get("/api/groups", valid).statusCode(), "a token made here with the server's key works");
    tokens.put("anonymous", null);
    tokens.put("expired", Jwts.hs256(Jwts.claims(facilitator, "facilitator", now - 3600, now - 60), secret));
    tokens.put("other_key", Jwts.hs256(Jwts.claims(facilitator, "facilitator", now, now + 600),
        "another-secret-that-is-long-enough-for-hs256"));
    tokens.put("alg_none", Jwts.unsigned(Jwts.claims(facilitator, "facilitator", now, now + 600)));
    tokens.put("outsider_member", outsiderMember.token());
    tokens.put("member", member.token());
    tokens.put("outsider_facilitator", outsiderFacilitator.token());
    tokens.put("facilitator", facilitator.token());
    tokens.put("admin", server.adminToken());
    tokens.put("co_facilitator", coFacilitator.token());
    tokens.put("supervisor", supervisor.token());
    usernames.put("outsider_member", outsiderMember.username());
    usernames.put("member", member.username());
    usernames.put("outsider_facilitator", outsiderFacilitator.username());
    usernames.put("facilitator", facilitator.username());
    usernames.put("co_facilitator", coFacilitator.username());
    usernames.put("supervisor", supervisor.username());
  }

  @Test
  @DisplayName("the table names every route of the router and every frame type, and nothing that is gone")
  void tableCoversEverything() {
    Set<String> routes = new TreeSet<>();
    for (Route route : server.server().services().router(server.server().vertx()).getRoutes()) {
      if (route.methods() != null && route.getPath() != null) {
        route.methods().forEach(m -> routes.add(m.name() + " " + route.getPath()));
      }
    }
    Set<String> httpRows = rows.stream().filter(r -> r.surface().equals("http")).map(Row::request)
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> frameRows = rows.stream().filter(r -> r.surface().equals("ws")).map(Row::request)
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> frameTypes = new TreeSet<>(server.server().services().frameTypes());
    assertEquals(List.of(), minus(routes, httpRows), "routes of the router with no row in authz-matrix.md");
    assertEquals(List.of(), minus(httpRows, routes), "rows in authz-matrix.md for routes the router no longer has");
    assertEquals(List.of(), minus(frameTypes, frameRows), "frame types with no row in authz-matrix.md");
    assertEquals(List.of(), minus(frameRows, frameTypes), "rows in authz-matrix.md for frame types that are gone");
  }

  private static List<String> minus(Set<String> a, Set<String> b) {
    return a.stream().filter(x -> !b.contains(x)).toList();
  }

  @Test
  @DisplayName("every HTTP route answers each kind of caller as the table says, whatever the body of a refused call, "
      + "and a refusal tells nothing more")
  void httpRoutes() {
    long groupId = liveGroup();
    clinicalRecords(groupId);
    List<String> wrong = new ArrayList<>();
    int tried = 0;
    for (Row row : rows) {
      if (!row.surface().equals("http")) {
        continue;
      }
      String[] parts = row.request().split(" ", 2);
      for (String who : WHO) {
        String path = teamPath(parts[1], groupId).replace("/api/users/:id", "/api/users/" + erasable.id())
            .replace(":id", Long.toString(groupId)).replace(":number", "1")
            .replace(":userId", Long.toString(member.id()))
            .replace(":homeworkId", Long.toString(homeworkId)).replace(":kind", "pre_group")
            .replace(":alertId", Long.toString(alertId));
        String body = "-".equals(row.body()) ? null
            : fill(row.body(), groupId, 0).replace("{column}", Integer.toString(WHO.indexOf(who) + 1));
        String token = tokens.get(who);
        if (row.request().equals("POST /api/auth/logout") && (usernames.containsKey(who) || who.equals("admin"))) {
          token = who.equals("admin") ? server.login("admin", TestServer.ADMIN_PASSWORD)
              : server.login(usernames.get(who), TestServer.PASSWORD);
        }
        if (row.request().equals("POST /api/auth/logout-all") && tokens.get(who) != null && !BAD_TOKENS.contains(who)) {
          token = server.newAccount(who.equals("admin") || who.equals("supervisor") ? who
              : who.contains("facilitator") ? "facilitator" : "member", "Signs out everywhere").token();
        }
        tried += refusedWhateverTheBody(row, parts[0], path, token, who, wrong);
        HttpResponse<Buffer> response = server.call(HttpMethod.valueOf(parts[0]), path, token, body);
        tried++;
        String got = Integer.toString(response.statusCode());
        if (!got.equals(row.expected().get(who))) {
          wrong.add(row.label() + " as " + who + ": expected " + row.expected().get(who) + ", got " + got + " "
              + response.bodyAsString());
        } else if (response.statusCode() == 401 || response.statusCode() == 403) {
          Set<String> fields = response.bodyAsJsonObject().fieldNames();
          if (!Set.of("code", "message").containsAll(fields)) {
            wrong.add(row.label() + " as " + who + ": a refusal with more than code and message: " + fields);
          }
        }
      }
    }
    System.out.println("authorization matrix: " + tried + " HTTP calls");
    assertEquals(List.of(), wrong);
  }

  /** Frame fields of the wrong type or size: an outsider's frame is refused for who sent it, not for these. */
  private static final JsonObject BAD_FIELDS = new JsonObject().put("text", 12345).put("userId", "x").put("seq", "x")
      .put("minutes", "x").put("seconds", "x").put("prompt", 5).put("reason", 5).put("after", "x");

  /** Bodies no route accepts: not JSON, not an object, an object without the fields, fields of the wrong type. */
  private static final List<String> BAD_BODIES = List.of("{\"unclosed\":", "[1]", "{}",
      "{\"userId\":\"x\",\"text\":7,\"session\":\"x\",\"phase\":1,\"instrument\":[],\"active\":\"x\"}");

  /**
   * A caller the row refuses (401, 403 or 404) gets that same answer whatever body it sends: the access check comes
   * before the body is read, so a refusal tells nothing of the body's shape. Answers how many calls it made.
   */
  private static int refusedWhateverTheBody(Row row, String method, String path, String token, String who,
                                            List<String> wrong) {
    String expected = row.expected().get(who);
    if (method.equals("GET") || !Set.of("401", "403", "404").contains(expected)) {
      return 0;
    }
    for (String bad : BAD_BODIES) {
      HttpResponse<Buffer> response = server.call(HttpMethod.valueOf(method), path, token, bad);
      if (!Integer.toString(response.statusCode()).equals(expected)) {
        wrong.add(row.label() + " as " + who + " with body " + bad + ": expected " + expected + ", got "
            + response.statusCode() + " " + response.bodyAsString());
      }
    }
    return BAD_BODIES.size();
  }

  @Test
  @DisplayName("every frame type answers each kind of caller as the table says, and outsiders see nothing of the group")
  void frameTypes() {
    long groupId = liveGroup();
    ChatClient present = server.connect(bystander);
    present.join(groupId, null).await();
    ChatClient f = server.connect(facilitator);
    long messageSeq = f.say(groupId, "something to redact and report", null).await();
    f.close();
    List<String> wrong = new ArrayList<>();
    int tried = 0;
    for (Row row : rows) {
      if (!row.surface().equals("ws")) {
        continue;
      }
      for (String who : WHO) {
        JsonObject frame = new JsonObject(fill("-".equals(row.body()) ? "{}" : row.body(), groupId, messageSeq))
            .put("type", row.request()).put("ref", "cell");
        ChatClient client = server.connectRaw(Map.of());
        String got = frameCell(client, row.request(), who, frame, groupId);
        tried++;
        if (!got.equals(row.expected().get(who))) {
          wrong.add(row.label() + " as " + who + ": expected " + row.expected().get(who) + ", got " + got);
        }
        if (OUTSIDERS.contains(who) && "forbidden".equals(row.expected().get(who))) {
          ChatClient bad = server.connectRaw(Map.of());
          String withBadFields = frameCell(bad, row.request(), who, frame.copy().mergeIn(BAD_FIELDS), groupId);
          tried++;
          if (!withBadFields.equals("forbidden")) {
            wrong.add(row.label() + " as " + who + " with bad fields: expected forbidden, got " + withBadFields);
          }
          bad.close();
        }
        if (OUTSIDERS.contains(who)) {
          client.received().stream()
              .filter(r -> !"error".equals(r.getString("type")) && r.getValue("groupId") != null)
              .forEach(r -> wrong.add(row.label() + " as " + who + ": saw " + r.encode()));
        }
        client.close();
      }
    }
    present.close();
    System.out.println("authorization matrix: " + tried + " frames");
    assertEquals(List.of(), wrong);
  }

  /** Sends the frame as {@code who} on a fresh socket and names the answer as the table does. */
  private static String frameCell(ChatClient client, String type, String who, JsonObject frame, long groupId) {
    String token = tokens.get(who);
    if (who.equals("anonymous")) {
      client.sendRaw(frame.encode());
      return answer(client, type);
    }
    if (BAD_TOKENS.contains(who)) {
      client.sendRaw(new JsonObject().put("type", "hello").put("token", token).put("ref", "cell").encode());
      if (!type.equals("hello")) {
        client.sendRaw(frame.put("ref", "behind").encode());
      }
      try {
        client.awaitClose(seconds(5));
      } catch (AssertionError e) {
        return "left open";
      }
      boolean refused = client.received().stream().anyMatch(r -> "error".equals(r.getString("type"))
          && "unauthenticated".equals(r.getString("code")));
      boolean served = client.received().stream().anyMatch(r -> !"error".equals(r.getString("type")));
      return refused && !served ? "unauthenticated+close" : "served: " + client.received();
    }
    if (type.equals("hello")) {
      client.sendRaw(frame.put("token", token).encode());
      return answer(client, type);
    }
    client.hello(token).await();
    if (type.equals("typing") || type.equals("leave")) {
      client.sendRaw(new JsonObject().put("type", "join").put("groupId", groupId).put("ref", "pre").encode());
      client.await(r -> "joined".equals(r.getString("type")) || "pre".equals(r.getString("ref")), seconds(5));
    }
    client.sendRaw(frame.encode());
    if (type.equals("typing")) {
      client.sendRaw(new JsonObject().put("type", "no_such_frame").put("ref", "sentinel").encode());
      client.await(r -> "sentinel".equals(r.getString("ref")), seconds(5));
      return client.received().stream().filter(r -> "cell".equals(r.getString("ref"))).findFirst()
          .map(r -> r.getString("type").equals("error") ? r.getString("code") : r.getString("type")).orElse("none");
    }
    return answer(client, type);
  }

  /** The frame's error or ack (by its ref), or the welcome or joined that answers a hello or a join. */
  private static String answer(ChatClient client, String type) {
    String success = type.equals("hello") ? "welcome" : type.equals("join") ? "joined" : "ack";
    JsonObject r = client.await(f -> "cell".equals(f.getString("ref")) || success.equals(f.getString("type")),
        seconds(5));
    return "error".equals(r.getString("type")) ? r.getString("code") : r.getString("type");
  }

  /** In a path that removes someone from the team, {@code :userId} is someone just added for it. */
  private static String teamPath(String path, long groupId) {
    for (String list : List.of("facilitators", "supervisors")) {
      String removal = "/" + list + "/:userId";
      if (path.endsWith(removal)) {
        return path.replace(removal, "/" + list + "/" + freshTeamMember(groupId, list));
      }
    }
    return path;
  }

  /** A new facilitator (or supervisor) account added to the group's team, for a row that removes one. */
  private static long freshTeamMember(long groupId, String list) {
    boolean facilitators = list.equals("facilitators");
    TestServer.Account fresh = server.newAccount(facilitators ? "facilitator" : "supervisor", "Dr. Fresh");
    TestServer.expect(server.post("/api/groups/" + groupId + "/" + list, facilitators ? facilitator.token()
        : server.adminToken(), new JsonObject().put("userId", fresh.id())), 201);
    return fresh.id();
  }

  /**
   * A group of the facilitator with the co-facilitator and the supervisor on its team, the member and the bystander
   * enrolled and a session live.
   */
  private static long liveGroup() {
    long groupId = server.newGroup(facilitator, "ipt", 12).getLong("id");
    TestServer.expect(server.post("/api/groups/" + groupId + "/facilitators", facilitator.token(),
        new JsonObject().put("userId", coFacilitator.id())), 201);
    TestServer.expect(server.post("/api/groups/" + groupId + "/supervisors", server.adminToken(),
        new JsonObject().put("userId", supervisor.id())), 201);
    server.enrol(facilitator, groupId, member);
    server.enrol(facilitator, groupId, bystander);
    server.startSession(facilitator, groupId);
    return groupId;
  }

  /**
   * The member's focus area and goal (the focus row writes the same goal text again, so its id stays), one inventory
   * relationship and one homework item, made by the facilitator; and one alert, the member's request for help.
   */
  private static void clinicalRecords(long groupId) {
    String base = "/api/groups/" + groupId + "/members/";
    goalId = TestServer.expect(server.put(base + member.id() + "/focus", facilitator.token(),
        new JsonObject().put("area", "grief").put("goal", "matrix")), 200).getJsonArray("goals").getJsonObject(0)
        .getLong("id");
    relationshipId = TestServer.expect(server.put(base + member.id() + "/inventory", facilitator.token(),
        new JsonObject("{\"relationships\":[{\"label\":\"my sister\",\"kind\":\"family\",\"closeness\":2,"
            + "\"satisfaction\":2}]}")), 200).getJsonArray("relationships").getJsonObject(0).getLong("id");
    homeworkId = TestServer.expect(server.post(base + member.id() + "/homework", facilitator.token(),
        new JsonObject().put("text", "ask my sister for coffee")), 201).getLong("id");
    alertId = TestServer.expect(server.post("/api/groups/" + groupId + "/help", member.token(), null), 201)
        .getJsonObject("alert").getLong("id");
  }

  private static String fill(String template, long groupId, long messageSeq) {
    return template.replace("{group}", Long.toString(groupId))
        .replace("{member}", Long.toString(member.id()))
        .replace("{bystander}", Long.toString(bystander.id()))
        .replace("{candidate}", Long.toString(candidate.id()))
        .replace("{freshFacilitator}", template.contains("{freshFacilitator}")
            ? Long.toString(server.newAccount("facilitator", "Dr. New").id()) : "")
        .replace("{freshSupervisor}", template.contains("{freshSupervisor}")
            ? Long.toString(server.newAccount("supervisor", "Dr. Watch").id()) : "")
        .replace("{memberUsername}", member.username())
        .replace("{password}", TestServer.PASSWORD)
        .replace("{messageSeq}", Long.toString(messageSeq))
        .replace("{relationship}", Long.toString(relationshipId))
        .replace("{goal}", Long.toString(goalId))
        .replace("{unique}", Integer.toString(UNIQUE.incrementAndGet()));
  }

  private static List<Row> readTable() throws IOException {
    String text;
    try (InputStream in = AuthorizationMatrixTest.class.getResourceAsStream("/authz-matrix.md")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<Row> table = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.startsWith("| http ") && !line.startsWith("| ws ")) {
        continue;
      }
      String[] cells = line.substring(1, line.lastIndexOf('|')).split("\\|");
      if (cells.length != 3 + WHO.size()) {
        throw new IllegalStateException("authz-matrix.md: a row needs " + (3 + WHO.size()) + " cells: " + line);
      }
      Map<String, String> expected = new LinkedHashMap<>();
      for (int i = 0; i < WHO.size(); i++) {
        expected.put(WHO.get(i), cells[3 + i].trim());
      }
      table.add(new Row(cells[0].trim(), cells[1].trim(), cells[2].trim(), expected));
    }
    return table;
  }
}
