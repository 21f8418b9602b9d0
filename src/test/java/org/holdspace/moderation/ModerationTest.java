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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Facilitation and moderation")
@ExtendWith(TestServerExtension.class)
class ModerationTest {
  private static TestServer server;
  @RegisterExtension
  final LiveGroup group = LiveGroup.of("Dr. Hale", "Ana", "Ben").started().open(server);
  private final TestServer.Account facilitator = group.facilitator();
  private final TestServer.Account ana = group.member(0);
  private final TestServer.Account ben = group.member(1);
  private final long groupId = group.id();

  /** A socket that joins after everything happened sees the same state in its joined snapshot. */
  private JsonObject lateState(TestServer.Account account) {
    return group.connect(account).join(groupId, null).await().getJsonObject("state");
  }

  @Test
  @DisplayName("a muted member gets muted, the others see the mute, and a late socket sees it in the state")
  void mute() {
    ChatClient f = group.joined(facilitator);
    ChatClient a = group.joined(ana);
    ChatClient b = group.joined(ben);
    long seq = f.request(group.frame("mute").put("userId", ana.id())).await().getLong("seq");
    b.await(e -> event("mute").test(e) && e.getLong("seq") == seq, seconds(5));
    assertEquals("muted", errorCode(() -> a.say(groupId, "can I speak?", null).await()));
    assertTrue(b.say(groupId, "I still can", null).await() > 0);
    assertTrue(has(lateState(facilitator).getJsonArray("muted"), ana.id()));
    f.request(group.frame("unmute").put("userId", ana.id())).await();
    assertTrue(a.say(groupId, "thank you", null).await() > 0);
    assertFalse(has(lateState(ben).getJsonArray("muted"), ana.id()));
  }

  @Test
  @DisplayName("a timed mute ends by itself, with an unmute event and no action by anyone")
  void timedMute() {
    ChatClient f = group.joined(facilitator);
    ChatClient a = group.joined(ana);
    f.request(group.frame("mute").put("userId", ana.id()).put("minutes", 0.02)).await();
    assertEquals("muted", errorCode(() -> a.say(groupId, "too soon", null).await()));
    JsonObject unmute = a.await(event("unmute"), seconds(10));
    assertEquals(true, unmute.getBoolean("expired"));
    assertNull(unmute.getJsonObject("from"));
    assertTrue(a.say(groupId, "back again", null).await() > 0);
    // Each socket gets the event on its own event loop: wait for the facilitator's copy before counting.
    f.await(e -> event("message").test(e) && "back again".equals(e.getString("text")), seconds(10));
    assertEquals(1, f.events(groupId).stream().filter(event("unmute")).count(), "expired exactly once");
  }

  @Test
  @DisplayName("in a locked group only the facilitator and the floor holder speak")
  void lockAndFloor() {
    ChatClient f = group.joined(facilitator);
    ChatClient a = group.joined(ana);
    ChatClient b = group.joined(ben);
    f.request(group.frame("lock")).await();
    assertEquals("locked", errorCode(() -> a.say(groupId, "hello?", null).await()));
    assertTrue(f.say(groupId, "Ana, go ahead", null).await() > 0);
    f.request(group.frame("give_floor").put("userId", ana.id())).await();
    assertTrue(a.say(groupId, "thanks, here is my week", null).await() > 0);
    assertEquals("locked", errorCode(() -> b.say(groupId, "me too", null).await()));
    JsonObject state = lateState(ben);
    assertTrue(state.getBoolean("locked"));
    assertEquals(ana.id(), state.getLong("floor"));
    f.request(group.frame("unlock")).await();
    assertTrue(b.say(groupId, "now me", null).await() > 0);
  }

  @Test
  @DisplayName("a redacted message's text is gone from storage and from every later replay; its seq stays")
  void redact() {
    ChatClient f = group.joined(facilitator);
    ChatClient a = group.joined(ana);
    long seq = a.say(groupId, "something I regret saying", null).await();
    long redactSeq = f.request(group.frame("redact").put("seq", seq)).await().getLong("seq");
    a.await(e -> event("redact").test(e) && e.getLong("targetSeq") == seq, seconds(5));
    ChatClient late = group.connect(ben);
    late.join(groupId, 0L).await();
    late.await(e -> "event".equals(e.getString("type")) && e.getLong("seq") == redactSeq, seconds(5));
    JsonObject replayed = late.events(groupId).stream().filter(e -> e.getLong("seq") == seq).findFirst().orElseThrow();
    assertEquals("message", replayed.getString("kind"));
    assertTrue(replayed.getBoolean("redacted"));
    assertFalse(replayed.containsKey("text"));
    String history = server.get("/api/groups/" + groupId + "/events?limit=1000", facilitator.token()).bodyAsString();
    assertFalse(history.contains("something I regret saying"));
    assertEquals("not_found", errorCode(() -> f.request(group.frame("redact").put("seq", redactSeq)).await()));
  }

  @Test
  @DisplayName("a removed member's sockets leave the live session and may not rejoin or speak")
  void remove() {
    ChatClient f = group.joined(facilitator);
    ChatClient a = group.joined(ana);
    f.request(group.frame("remove").put("userId", ana.id())).await();
    a.await(e -> event("remove").test(e) && e.getLong("userId") == ana.id(), seconds(5));
    f.await(e -> event("leave").test(e) && e.getLong("userId") == ana.id(), seconds(5));
    assertEquals("forbidden", errorCode(() -> a.say(groupId, "let me back", null).await()));
    ChatClient again = group.connect(ana);
    assertEquals("forbidden", errorCode(() -> again.join(groupId, null).await()));
  }

  @Test
  @DisplayName("slow mode rejects a second message inside the interval with rate_limited")
  void slowMode() {
    ChatClient f = group.joined(facilitator);
    ChatClient a = group.joined(ana);
    f.request(group.frame("slow_mode").put("seconds", 30)).await();
    assertTrue(a.say(groupId, "first", null).await() > 0);
    assertEquals("rate_limited", errorCode(() -> a.say(groupId, "second", null).await()));
    assertTrue(f.say(groupId, "facilitators are not slowed", null).await() > 0);
    assertEquals(30, lateState(ben).getInteger("slowModeSeconds"));
  }

  @Test
  @DisplayName("raised hands form an ordered queue, and give_floor takes a member from it")
  void hands() {
    ChatClient f = group.joined(facilitator);
    ChatClient a = group.joined(ana);
    ChatClient b = group.joined(ben);
    b.request(group.frame("raise_hand")).await();
    a.request(group.frame("raise_hand")).await();
    JsonArray hands = lateState(facilitator).getJsonArray("hands");
    assertEquals(List.of(ben.id(), ana.id()), hands.stream().map(x -> ((Number) x).longValue()).toList());
    f.request(group.frame("give_floor").put("userId", ben.id())).await();
    JsonObject state = lateState(ana);
    assertEquals(ben.id(), state.getLong("floor"));
    assertEquals(List.of(ana.id()), state.getJsonArray("hands").stream().map(x -> ((Number) x).longValue()).toList());
    a.request(group.frame("lower_hand")).await();
    assertTrue(lateState(ana).getJsonArray("hands").isEmpty());
  }

  @Test
  @DisplayName("a go-round visits every present member once, in order, with pass and a turn budget")
  void goRound() {
    ChatClient f = group.joined(facilitator);
    ChatClient a = group.joined(ana);
    ChatClient b = group.joined(ben);
    f.request(group.frame("start_round").put("prompt", "One word for your week").put("turnSeconds", 5)).await();
    JsonObject started = b.await(event("round_started"), seconds(5));
    assertEquals(List.of(ana.id(), ben.id()),
        started.getJsonArray("order").stream().map(x -> ((Number) x).longValue()).toList());
    a.await(e -> event("round_turn").test(e) && e.getLong("userId") == ana.id(), seconds(5));
    assertEquals("forbidden", errorCode(() -> b.request(group.frame("pass")).await()));
    a.request(group.frame("pass")).await();
    b.await(e -> event("round_turn").test(e) && e.getLong("userId") == ben.id(), seconds(5));
    JsonObject late = lateState(facilitator);
    assertEquals(ben.id(), late.getLong("floor"));
    assertEquals(ben.id(), late.getJsonObject("round").getLong("current"));
    f.await(event("round_ended"), seconds(15));
    List<Long> turns = f.events(groupId).stream().filter(event("round_turn")).map(e -> e.getLong("userId")).toList();
    assertEquals(List.of(ana.id(), ben.id()), turns);
    assertNull(lateState(ana).getValue("floor"));
  }

  @Test
  @DisplayName("a member trying any facilitator frame gets forbidden and nothing changes")
  void membersCannotModerate() {
    ChatClient a = group.joined(ana);
    long lastSeq = group.joined(ben).join(groupId, null).await().getLong("lastSeq");
    for (String type : List.of("mute", "unmute", "redact", "lock", "unlock", "remove", "give_floor", "take_floor",
        "slow_mode", "start_round", "next_turn", "end_round", "start_session", "end_session")) {
      JsonObject f = group.frame(type).put("userId", ben.id()).put("seq", 1).put("seconds", 5).put("prompt", "x");
      assertEquals("forbidden", errorCode(() -> a.request(f).await()), type);
    }
    ChatClient check = group.connect(facilitator);
    JsonObject joined = check.join(groupId, null).await();
    assertEquals(lastSeq + 1, joined.getLong("lastSeq"), "only the checking socket's own join was added");
    assertFalse(joined.getJsonObject("state").getBoolean("locked"));
    assertTrue(joined.getJsonObject("state").getJsonArray("muted").isEmpty());
  }

  @Test
  @DisplayName("a whisper reaches only its two sides, and members may write to the facilitators")
  void whispers() {
    ChatClient f = group.joined(facilitator);
    ChatClient a = group.joined(ana);
    ChatClient b = group.joined(ben);
    f.request(group.frame("whisper").put("userId", ana.id()).put("text", "How are you holding up?")).await();
    JsonObject got = a.await(e -> "whisper".equals(e.getString("type")), seconds(5));
    assertEquals(facilitator.id(), got.getJsonObject("from").getLong("id"));
    a.request(group.frame("whisper").put("text", "Hard week, thanks for asking")).await();
    f.await(e -> "whisper".equals(e.getString("type")) && e.getJsonObject("from").getLong("id") == ana.id(),
        seconds(5));
    b.say(groupId, "marker", null).await();
    b.await(e -> "event".equals(e.getString("type")) && "marker".equals(e.getString("text")), seconds(5));
    assertTrue(b.received().stream().noneMatch(e -> "whisper".equals(e.getString("type"))));
    assertEquals("forbidden", errorCode(() ->
        b.request(group.frame("whisper").put("userId", ana.id()).put("text", "psst")).await()));
  }

  @Test
  @DisplayName("a risk phrase alerts the facilitators only, in any case or accent, without telling the member")
  void riskAlert() {
    ChatClient f = group.joined(facilitator);
    ChatClient a = group.joined(ana);
    ChatClient b = group.joined(ben);
    long seq = a.say(groupId, "Honestly some days I QUIERO MORÍR", null).await();
    JsonObject alert = f.await(e -> "alert".equals(e.getString("type")), seconds(5)).getJsonObject("alert");
    assertEquals("risk_phrase", alert.getString("kind"));
    assertEquals(ana.id(), alert.getLong("userId"));
    assertEquals(seq, alert.getJsonObject("ref").getLong("seq"));
    b.say(groupId, "marker", null).await();
    a.await(e -> "event".equals(e.getString("type")) && "marker".equals(e.getString("text")), seconds(5));
    assertTrue(a.received().stream().noneMatch(e -> "alert".equals(e.getString("type"))));
    assertTrue(b.received().stream().noneMatch(e -> "alert".equals(e.getString("type"))));
    JsonArray alerts = new JsonArray(server.get("/api/groups/" + groupId + "/alerts", facilitator.token())
        .bodyAsString());
    assertEquals(1, alerts.size());
    assertEquals(403, server.get("/api/groups/" + groupId + "/alerts", ana.token()).statusCode());
  }

  @Test
  @DisplayName("a member can report a message to the facilitators")
  void report() {
    ChatClient f = group.joined(facilitator);
    ChatClient a = group.joined(ana);
    ChatClient b = group.joined(ben);
    long seq = b.say(groupId, "something unkind", null).await();
    a.request(group.frame("report").put("seq", seq).put("reason", "it felt hurtful")).await();
    JsonObject alert = f.await(e -> "alert".equals(e.getString("type")), seconds(5)).getJsonObject("alert");
    assertEquals("report", alert.getString("kind"));
    assertEquals(seq, alert.getJsonObject("ref").getLong("seq"));
  }

  @Test
  @DisplayName("every facilitator action is in the audit log, which only admins can read")
  void audit() {
    ChatClient f = group.joined(facilitator);
    group.joined(ana);
    f.request(group.frame("mute").put("userId", ana.id())).await();
    f.request(group.frame("lock")).await();
    JsonArray entries = new JsonArray(server.get("/api/audit?groupId=" + groupId, server.adminToken()).bodyAsString());
    List<String> actions = entries.stream().map(JsonObject.class::cast).map(e -> e.getString("action")).toList();
    assertTrue(actions.containsAll(List.of("group.create", "group.enrol", "session.start", "moderation.mute",
        "moderation.lock")), actions.toString());
    JsonObject mute = entries.stream().map(JsonObject.class::cast)
        .filter(e -> "moderation.mute".equals(e.getString("action"))).findFirst().orElseThrow();
    assertEquals(facilitator.id(), mute.getJsonObject("actor").getLong("id"));
    assertEquals(ana.id(), mute.getLong("subjectId"));
    assertEquals(403, server.get("/api/audit?groupId=" + groupId, facilitator.token()).statusCode());
  }

  @Test
  @DisplayName("private messages are audited both ways, with ids and never their text")
  void whispersAudited() {
    ChatClient f = group.joined(facilitator);
    ChatClient a = group.joined(ana);
    a.request(group.frame("whisper").put("text", "can we talk after?")).await();
    f.request(group.frame("whisper").put("userId", ana.id()).put("text", "of course")).await();
    String log = server.get("/api/audit?groupId=" + groupId, server.adminToken()).bodyAsString();
    List<JsonObject> sent = new JsonArray(log).stream().map(JsonObject.class::cast)
        .filter(e -> "whisper.send".equals(e.getString("action"))).toList();
    assertEquals(2, sent.size(), log);
    assertEquals(java.util.Set.of(ana.id(), facilitator.id()),
        sent.stream().map(e -> e.getJsonObject("actor").getLong("id")).collect(java.util.stream.Collectors.toSet()));
    assertTrue(sent.stream().allMatch(e -> e.getLong("subjectId") == ana.id()), log);
    assertFalse(log.contains("can we talk after") || log.contains("of course"), "no text in the audit log");
  }
}
