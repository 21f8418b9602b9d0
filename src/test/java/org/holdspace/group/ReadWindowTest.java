package org.holdspace.group;

import io.vertx.core.json.JsonObject;
import org.holdspace.support.ChatClient;
import org.holdspace.support.LiveGroup;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.holdspace.support.ChatClient.seconds;
import static org.holdspace.support.Frames.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("What a member reads of the group's log: not past their removal, not before their enrolment")
@ExtendWith(TestServerExtension.class)
class ReadWindowTest {
  private static TestServer server;
  @RegisterExtension
  final LiveGroup group = LiveGroup.of("Dr. Vale", "Ana", "Ben").started().open(server);
  private final TestServer.Account facilitator = group.facilitator();
  private final TestServer.Account ana = group.member(0);
  private final TestServer.Account ben = group.member(1);
  private final long groupId = group.id();

  private List<JsonObject> history(TestServer.Account reader) {
    return TestServer.expect(server.get("/api/groups/" + groupId + "/events?limit=1000", reader.token()), 200)
        .getJsonArray("events").stream().map(JsonObject.class::cast).toList();
  }

  private static List<String> texts(List<JsonObject> events) {
    return events.stream().filter(e -> "message".equals(e.getString("kind"))).map(e -> e.getString("text"))
        .filter(t -> !t.startsWith("marker ")).toList();
  }

  /** The texts a fresh socket of the account replays from the start of the log, up to a marker said after it. */
  private List<String> replay(TestServer.Account reader, ChatClient speaker) {
    ChatClient socket = group.connect(reader);
    socket.join(groupId, 0L).await();
    String marker = "marker " + System.nanoTime();
    speaker.say(groupId, marker, null).await();
    socket.await(e -> event("message").test(e) && marker.equals(e.getString("text")), seconds(5));
    return texts(socket.events(groupId));
  }

  private void removeAna(ChatClient f, ChatClient a) {
    f.request(group.frame("remove").put("userId", ana.id())).await();
    a.await(e -> event("remove").test(e) && e.getLong("userId") == ana.id(), seconds(5));
  }

  @Test
  @DisplayName("a removed member reads the remove and nothing more of that session, over HTTP and on a socket")
  void removedMember() {
    ChatClient f = group.joined(facilitator);
    ChatClient a = group.joined(ana);
    ChatClient b = group.joined(ben);
    b.say(groupId, "before the removal", null).await();
    removeAna(f, a);
    b.say(groupId, "while Ana is out", null).await();
    assertEquals(List.of("before the removal"), texts(history(ana)));
    assertEquals("remove", history(ana).get(history(ana).size() - 1).getString("kind"));
    assertEquals(List.of("before the removal", "while Ana is out"), texts(history(facilitator)));

    server.endSession(facilitator, groupId);
    server.startSession(facilitator, groupId);
    b.say(groupId, "next session", null).await();
    List<JsonObject> read = history(ana);
    assertEquals(List.of("before the removal", "next session"), texts(read));
    assertTrue(read.stream().anyMatch(event("session_ended")));
    assertEquals(List.of("before the removal", "next session"), replay(ana, b));
  }

  @Test
  @DisplayName("a readmit ends the cut: what follows it is read again")
  void readmitted() {
    ChatClient f = group.joined(facilitator);
    ChatClient a = group.joined(ana);
    ChatClient b = group.joined(ben);
    removeAna(f, a);
    b.say(groupId, "while Ana is out", null).await();
    f.request(group.frame("readmit").put("userId", ana.id())).await();
    a.await(x -> "readmitted".equals(x.getString("type")) && x.getLong("groupId") == groupId, seconds(5));
    b.say(groupId, "welcome back", null).await();
    List<JsonObject> read = history(ana);
    assertEquals(List.of("welcome back"), texts(read));
    assertTrue(read.stream().anyMatch(event("readmit")));
    assertEquals(List.of("welcome back"), replay(ana, b));
  }

  @Test
  @DisplayName("a co-facilitator and a supervisor added later read the whole log, removals and all, like the facilitator")
  void teamReadsEverything() {
    ChatClient f = group.joined(facilitator);
    ChatClient a = group.joined(ana);
    ChatClient b = group.joined(ben);
    b.say(groupId, "said in session one", null).await();
    removeAna(f, a);
    b.say(groupId, "while Ana is out", null).await();
    server.endSession(facilitator, groupId);
    server.startSession(facilitator, groupId);
    TestServer.Account co = server.newAccount("facilitator", "Dr. Co");
    TestServer.Account supervisor = server.newAccount("supervisor", "Dr. Sup");
    String team = "/api/groups/" + groupId;
    TestServer.expect(server.post(team + "/facilitators", facilitator.token(), new JsonObject().put("userId", co.id())),
        201);
    TestServer.expect(server.post(team + "/supervisors", server.adminToken(),
        new JsonObject().put("userId", supervisor.id())), 201);
    List<String> all = List.of("said in session one", "while Ana is out");
    assertEquals(all, texts(history(facilitator)));
    assertEquals(all, texts(history(co)));
    assertEquals(all, texts(history(supervisor)));
    assertEquals(all, replay(co, b));
    assertEquals(all, replay(supervisor, b));
  }

  @Test
  @DisplayName("a member enrolled between sessions reads from the next session on, over HTTP and on a socket")
  void lateJoiner() {
    ChatClient b = group.joined(ben);
    b.say(groupId, "said in session one", null).await();
    server.endSession(facilitator, groupId);
    TestServer.Account carl = server.newAccount("member", "Carl");
    server.enrol(facilitator, groupId, carl);
    server.startSession(facilitator, groupId);
    b.say(groupId, "hello Carl", null).await();
    List<JsonObject> read = history(carl);
    assertEquals(List.of("hello Carl"), texts(read));
    assertTrue(read.stream().anyMatch(event("session_started")));
    assertFalse(read.stream().anyMatch(event("session_ended")));
    assertEquals(List.of("hello Carl"), replay(carl, b));
    assertEquals(List.of("said in session one", "hello Carl"), texts(history(ana)));
  }

  @Test
  @DisplayName("a member enrolled during a live session reads that session from its start, not the one before")
  void enrolledDuringSession() {
    ChatClient b = group.joined(ben);
    b.say(groupId, "said in session one", null).await();
    server.endSession(facilitator, groupId);
    server.startSession(facilitator, groupId);
    b.say(groupId, "early in session two", null).await();
    TestServer.Account carl = server.newAccount("member", "Carl");
    server.enrol(facilitator, groupId, carl);
    assertEquals(List.of("early in session two"), texts(history(carl)));
    assertEquals(List.of("early in session two"), replay(carl, b));
  }
}
