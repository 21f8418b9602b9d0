package org.holdspace.session;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.holdspace.support.ChatClient;
import org.holdspace.support.LiveGroup;
import org.holdspace.support.Refusals;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServer.Account;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.holdspace.support.ChatClient.seconds;
import static org.holdspace.support.Frames.event;
import static org.holdspace.support.Frames.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("What a session's end clears, as events a replaying client agrees with")
@ExtendWith(TestServerExtension.class)
class SessionEndReplayTest {
  private static TestServer server;

  @RegisterExtension
  final LiveGroup group = LiveGroup.of("Dr. Osei", "Ana", "Ben", "Cleo").started().open(server);

  /**
   * The moderation state a client derives from the events alone, each kind doing what docs/moderation.md says and
   * nothing happening implicitly at session_started or session_ended.
   */
  static final class Replay {
    boolean locked;
    final Set<Long> muted = new TreeSet<>();
    final List<Long> hands = new ArrayList<>();
    Long floor;
    int slowModeSeconds;
    final Set<Long> removed = new LinkedHashSet<>();

    void apply(JsonObject e) {
      Long user = e.getLong("userId");
      switch (e.getString("kind")) {
        case "mute" -> muted.add(user);
        case "unmute" -> muted.remove(user);
        case "lock" -> locked = true;
        case "unlock" -> locked = false;
        case "hand_raised" -> {
          if (!hands.contains(user)) {
            hands.add(user);
          }
        }
        case "hand_lowered" -> hands.remove(user);
        case "floor", "round_turn" -> {
          floor = user;
          if (user != null) {
            hands.remove(user);
          }
        }
        case "round_ended" -> floor = null;
        case "slow_mode" -> slowModeSeconds = e.getInteger("seconds");
        case "remove", "participation_ended" -> {
          removed.add(user);
          hands.remove(user);
          if (user.equals(floor)) {
            floor = null;
          }
        }
        case "readmit" -> removed.remove(user);
        default -> {
        }
      }
    }
  }

  private static Replay replay(List<JsonObject> events) {
    Replay r = new Replay();
    events.forEach(r::apply);
    return r;
  }

  private static void assertAgree(Replay r, JsonObject state) {
    assertEquals(state.getBoolean("locked"), r.locked, "locked");
    assertEquals(new TreeSet<>(ids(state.getJsonArray("muted"))), r.muted, "muted");
    assertEquals(ids(state.getJsonArray("hands")), r.hands, "hands");
    Object floor = state.getValue("floor");
    assertEquals(floor == null ? null : ((Number) floor).longValue(), r.floor, "floor");
    assertEquals(state.getInteger("slowModeSeconds"), r.slowModeSeconds, "slow mode");
  }

  @Test
  @DisplayName("an indefinite mute outlives its session, a timed one runs on; hands, floor, lock, slow mode and "
      + "removals end with it, each by an event")
  void endOfSession() {
    Account ana = group.member(0);
    Account ben = group.member(1);
    Account cleo = group.member(2);
    ChatClient facilitator = group.joined(group.facilitator());
    ChatClient benSocket = group.joined(ben);
    ChatClient cleoSocket = group.joined(cleo);
    facilitator.request(group.frame("mute").put("userId", ana.id())).await();
    facilitator.request(group.frame("mute").put("userId", cleo.id()).put("minutes", 60)).await();
    benSocket.request(group.frame("raise_hand")).await();
    cleoSocket.request(group.frame("raise_hand")).await();
    facilitator.request(group.frame("give_floor").put("userId", cleo.id())).await();
    facilitator.request(group.frame("lock")).await();
    facilitator.request(group.frame("slow_mode").put("seconds", 30)).await();
    facilitator.request(group.frame("remove").put("userId", ben.id())).await();

    group.joined(ana).request(group.frame("raise_hand")).await();

    long ended = server.endSession(group.facilitator(), group.id()).getLong("seq");
    facilitator.await(event("readmit"), seconds(5));
    List<String> cleared = facilitator.events(group.id()).stream().filter(e -> e.getLong("seq") > ended)
        .map(e -> e.getString("kind")).toList();
    assertEquals(List.of("floor", "hand_lowered", "unlock", "slow_mode", "readmit"), cleared);

    server.startSession(group.facilitator(), group.id());
    JsonObject joined = group.connect(group.facilitator()).join(group.id(), 0L).await();
    JsonObject state = joined.getJsonObject("state");
    List<JsonObject> log = server.get("/api/groups/" + group.id() + "/events?after=0&limit=1000",
        group.facilitator().token()).bodyAsJsonObject().getJsonArray("events").stream()
        .map(JsonObject.class::cast).toList();
    assertAgree(replay(log), state);
    assertEquals(List.of(ana.id(), cleo.id()), ids(state.getJsonArray("muted")));
    assertFalse(state.getBoolean("locked"));
    assertNull(state.getValue("floor"));
    assertEquals(new JsonArray(), state.getJsonArray("hands"));
    assertEquals(0, state.getInteger("slowModeSeconds"));
    assertTrue(replay(log).removed.isEmpty());

    ChatClient anaSocket = group.joined(ana);
    assertEquals("muted", Refusals.errorCode(() -> anaSocket.say(group.id(), "may I?", null).await()),
        "still muted in the next session");
    group.joined(ben).say(group.id(), "back again", null).await();
    facilitator.request(group.frame("unmute").put("userId", ana.id())).await();
    anaSocket.say(group.id(), "thank you", null).await();
  }

  @Test
  @DisplayName("starting a session clears nothing: a lock set between sessions holds, replayed alike")
  void startClearsNothing() {
    ChatClient facilitator = group.joined(group.facilitator());
    server.endSession(group.facilitator(), group.id());
    facilitator.request(group.frame("lock")).await();
    facilitator.request(group.frame("slow_mode").put("seconds", 10)).await();
    server.startSession(group.facilitator(), group.id());
    JsonObject state = group.connect(group.member(0)).join(group.id(), 0L).await().getJsonObject("state");
    assertTrue(state.getBoolean("locked"));
    assertEquals(10, state.getInteger("slowModeSeconds"));
    List<JsonObject> log = server.get("/api/groups/" + group.id() + "/events?after=0&limit=1000",
        group.facilitator().token()).bodyAsJsonObject().getJsonArray("events").stream()
        .map(JsonObject.class::cast).toList();
    assertAgree(replay(log), state);
  }
}
