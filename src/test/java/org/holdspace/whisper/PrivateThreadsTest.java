package org.holdspace.whisper;

import io.vertx.core.json.JsonObject;
import org.holdspace.support.ChatClient;
import org.holdspace.support.LiveGroup;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.holdspace.support.ChatClient.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Private messages are part of the record: replayed to their two parties on join")
class PrivateThreadsTest {
  private static final int REPLAY_LIMIT = 4;
  @RegisterExtension
  static final TestServerExtension SERVER = TestServerExtension.with(Map.of("replayLimit", REPLAY_LIMIT));
  private static TestServer server;

  @RegisterExtension
  final LiveGroup group = LiveGroup.of("Dr. Hale", "Ana", "Ben").started().open(server);
  private final TestServer.Account facilitator = group.facilitator();
  private final TestServer.Account ana = group.member(0);
  private final TestServer.Account ben = group.member(1);
  private final long groupId = group.id();

  private static boolean isWhisper(JsonObject frame) {
    return "whisper".equals(frame.getString("type"));
  }

  private long whisper(ChatClient from, Long to, String text) {
    JsonObject frame = group.frame("whisper").put("text", text);
    if (to != null) {
      frame.put("userId", to);
    }
    from.request(frame).await();
    return from.await(f -> isWhisper(f) && text.equals(f.getString("text")), seconds(5)).getLong("id");
  }

  /**
   * A fresh socket of the account joins and waits for the {@code expected} private messages replayed to it. The
   * replay is written in one go, so once they are there no other replayed one is on its way.
   */
  private List<JsonObject> replayed(TestServer.Account account, int expected) {
    ChatClient socket = group.joined(account);
    socket.await(f -> whispers(socket).size() >= expected, seconds(5));
    return whispers(socket);
  }

  private static List<JsonObject> whispers(ChatClient socket) {
    return socket.received().stream().filter(PrivateThreadsTest::isWhisper).toList();
  }

  private static List<String> texts(List<JsonObject> whispers) {
    return whispers.stream().map(w -> w.getString("text")).toList();
  }

  @Test
  @DisplayName("after a reconnect each side gets its own thread, oldest first, after the group's events; nobody else does")
  void bothPartiesAfterReconnect() {
    ChatClient f = group.joined(facilitator);
    ChatClient a = group.joined(ana);
    ChatClient b = group.joined(ben);
    long first = whisper(f, ana.id(), "How are you holding up?");
    long second = whisper(a, null, "Hard week, thanks for asking");
    whisper(b, null, "Ben to the facilitators");
    a.close();
    b.close();

    ChatClient again = group.joined(ana);
    again.await(x -> whispers(again).size() >= 2, seconds(5));
    List<JsonObject> anas = whispers(again);
    JsonObject joined = again.received().stream().filter(x -> "joined".equals(x.getString("type"))).findFirst()
        .orElseThrow();
    assertEquals(List.of("How are you holding up?", "Hard week, thanks for asking"), texts(anas));
    assertEquals(List.of(first, second), anas.stream().map(w -> w.getLong("id")).toList());
    assertEquals(facilitator.id(), anas.get(0).getJsonObject("from").getLong("id"));
    assertEquals(ana.id(), anas.get(0).getLong("to"));
    int lastEvent = -1;
    List<JsonObject> frames = again.received();
    for (int i = 0; i < frames.size(); i++) {
      if ("event".equals(frames.get(i).getString("type")) && frames.get(i).getLong("seq") <= joined.getLong("lastSeq")) {
        lastEvent = i;
      }
    }
    assertTrue(lastEvent >= 0 && lastEvent < frames.indexOf(anas.get(0)), "the whispers come after the group's events");

    assertEquals(List.of("How are you holding up?", "Hard week, thanks for asking", "Ben to the facilitators"),
        texts(replayed(facilitator, 3)));
    assertEquals(List.of("Ben to the facilitators"), texts(replayed(ben, 1)));
  }

  @Test
  @DisplayName("a member gets only their own thread replayed, however many others have written")
  void nobodyElse() {
    ChatClient f = group.joined(facilitator);
    ChatClient a = group.joined(ana);
    ChatClient b = group.joined(ben);
    whisper(f, ana.id(), "Only for Ana");
    whisper(a, null, "Only for the facilitators");
    whisper(b, null, "Ben's own");
    assertEquals(List.of("Ben's own"), texts(replayed(ben, 1)));
  }

  @Test
  @DisplayName("at most replayLimit private messages are replayed: the newest ones, oldest first")
  void limit() {
    ChatClient f = group.joined(facilitator);
    for (int i = 1; i <= REPLAY_LIMIT + 2; i++) {
      whisper(f, ana.id(), "note " + i);
    }
    assertEquals(List.of("note 3", "note 4", "note 5", "note 6"), texts(replayed(ana, REPLAY_LIMIT)));
  }

  @Test
  @DisplayName("between sessions a member and the facilitators write privately both ways, and it is replayed")
  void betweenSessions() {
    server.endSession(facilitator, groupId);
    ChatClient f = group.joined(facilitator);
    ChatClient a = group.joined(ana);
    a.request(group.frame("whisper").put("text", "Can we talk before next week?")).await();
    f.await(x -> isWhisper(x) && "Can we talk before next week?".equals(x.getString("text")), seconds(5));
    f.request(group.frame("whisper").put("userId", ana.id()).put("text", "Yes, I will call you")).await();
    a.await(x -> isWhisper(x) && "Yes, I will call you".equals(x.getString("text")), seconds(5));
    a.close();
    assertEquals(List.of("Can we talk before next week?", "Yes, I will call you"), texts(replayed(ana, 2)));
  }
}
