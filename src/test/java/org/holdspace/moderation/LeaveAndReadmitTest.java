package org.holdspace.moderation;

import io.vertx.core.json.JsonArray;
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
import static org.holdspace.support.Frames.has;
import static org.holdspace.support.Refusals.errorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Leaving with a hand up, and letting a removed member back in")
@ExtendWith(TestServerExtension.class)
class LeaveAndReadmitTest {
  private static TestServer server;
  @RegisterExtension
  final LiveGroup group = LiveGroup.of("Dr. Hale", "Ana", "Ben").started().open(server);
  private final TestServer.Account facilitator = group.facilitator();
  private final TestServer.Account ana = group.member(0);
  private final TestServer.Account ben = group.member(1);
  private final long groupId = group.id();

  private JsonObject lateState() {
    return group.connect(facilitator).join(groupId, null).await().getJsonObject("state");
  }

  private static java.util.function.Predicate<JsonObject> about(String kind, long userId) {
    return e -> event(kind).test(e) && e.getLong("userId") == userId;
  }

  @Test
  @DisplayName("a member who leaves with a hand up has it lowered, before the leave, for everyone")
  void leaveLowersHand() {
    ChatClient f = group.joined(facilitator);
    ChatClient a = group.joined(ana);
    a.request(group.frame("raise_hand")).await();
    f.await(about("hand_raised", ana.id()), seconds(5));
    a.request(group.frame("leave")).await();
    JsonObject lowered = f.await(about("hand_lowered", ana.id()), seconds(5));
    JsonObject left = f.await(about("leave", ana.id()), seconds(5));
    assertTrue(lowered.getLong("seq") < left.getLong("seq"));
    assertFalse(has(lateState().getJsonArray("hands"), ana.id()));
  }

  @Test
  @DisplayName("a dropped connection lowers the hand too, but only when it was the member's last socket")
  void dropLowersHandOfLastSocket() {
    ChatClient f = group.joined(facilitator);
    ChatClient first = group.joined(ben);
    ChatClient second = group.joined(ben);
    first.request(group.frame("raise_hand")).await();
    f.await(about("hand_raised", ben.id()), seconds(5));
    first.close();
    long marker = f.say(groupId, "still here?", null).await();
    f.await(e -> event("message").test(e) && e.getLong("seq") == marker, seconds(5));
    assertTrue(f.events(groupId).stream().noneMatch(about("hand_lowered", ben.id())), "another tab stays");
    assertTrue(has(lateState().getJsonArray("hands"), ben.id()));
    second.close();
    f.await(about("hand_lowered", ben.id()), seconds(5));
    f.await(about("leave", ben.id()), seconds(5));
    assertFalse(has(lateState().getJsonArray("hands"), ben.id()));
  }

  @Test
  @DisplayName("a removed member is refused until readmitted; then their join is accepted and the event is in the replay")
  void readmit() {
    ChatClient f = group.joined(facilitator);
    ChatClient a = group.joined(ana);
    f.request(group.frame("remove").put("userId", ana.id())).await();
    a.await(about("remove", ana.id()), seconds(5));
    assertEquals("forbidden", errorCode(() -> group.connect(ana).join(groupId, null).await()));
    JsonArray removed = group.connect(facilitator).join(groupId, null).await().getJsonObject("state")
        .getJsonArray("removed");
    assertTrue(has(removed, ana.id()), "the console learns who was removed");

    long seq = f.request(group.frame("readmit").put("userId", ana.id())).await().getLong("seq");
    a.await(x -> "readmitted".equals(x.getString("type")) && x.getLong("groupId") == groupId, seconds(5));
    JsonObject joined = a.join(groupId, seq - 1).await();
    assertFalse(has(joined.getJsonObject("state").getJsonArray("removed", new JsonArray()), ana.id()));
    JsonObject replayed = a.await(e -> event("readmit").test(e) && e.getLong("seq") == seq, seconds(5));
    assertEquals(ana.id(), replayed.getLong("userId"));
    assertTrue(a.say(groupId, "thank you for letting me back", null).await() > 0);
    ChatClient late = group.joined(ben);
    late.await(e -> event("readmit").test(e) && e.getLong("seq") == seq, seconds(5));

    String audit = server.get("/api/audit?groupId=" + groupId, server.adminToken()).bodyAsString();
    assertTrue(new JsonArray(audit).stream().map(JsonObject.class::cast).anyMatch(e ->
        "moderation.readmit".equals(e.getString("action")) && e.getLong("subjectId") == ana.id()), audit);
  }

  @Test
  @DisplayName("readmit is refused for a member not removed, an unknown account, a member sender, and between sessions")
  void readmitRefusals() {
    ChatClient f = group.joined(facilitator);
    ChatClient b = group.joined(ben);
    assertEquals("not_found", errorCode(() -> f.request(group.frame("readmit").put("userId", ana.id())).await()));
    assertEquals("not_found", errorCode(() -> f.request(group.frame("readmit").put("userId", 987654)).await()));
    assertEquals("bad_frame", errorCode(() -> f.request(group.frame("readmit")).await()));
    assertEquals("forbidden", errorCode(() -> b.request(group.frame("readmit").put("userId", ben.id())).await()));
    f.request(group.frame("remove").put("userId", ana.id())).await();
    server.endSession(facilitator, groupId);
    assertEquals("not_live", errorCode(() -> f.request(group.frame("readmit").put("userId", ana.id())).await()));
    List<JsonObject> readmits = f.events(groupId).stream().filter(event("readmit")).toList();
    assertEquals(1, readmits.size(), "only the session's end let the removed member back, for the next session");
    long endedAt = f.events(groupId).stream().filter(event("session_ended")).findFirst().orElseThrow().getLong("seq");
    assertTrue(readmits.get(0).getLong("seq") > endedAt, "the refused readmit wrote nothing");
  }
}
