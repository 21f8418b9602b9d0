package org.holdspace.grouplog;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The moderation state of a group's current session, derived from its events: lock, mutes (with optional expiry),
 * the raised-hand queue, who holds the floor, slow mode, who was removed and the go-round. Immutable and pure: each
 * change answers a new state.
 */
public final class GroupState {
  private static final GroupState EMPTY =
      new GroupState(false, Map.of(), List.of(), null, 0, Set.of(), null, Set.of());

  private final boolean locked;
  private final Map<Long, Long> mutedUntil;
  private final List<Long> hands;
  private final Long floor;
  private final int slowModeSeconds;
  private final Set<Long> removed;
  private final Round round;
  private final Set<Long> ended;

  private GroupState(boolean locked, Map<Long, Long> mutedUntil, List<Long> hands, Long floor, int slowModeSeconds,
                     Set<Long> removed, Round round, Set<Long> ended) {
    this.locked = locked;
    this.mutedUntil = Collections.unmodifiableMap(new LinkedHashMap<>(mutedUntil));
    this.hands = List.copyOf(hands);
    this.floor = floor;
    this.slowModeSeconds = slowModeSeconds;
    this.removed = Collections.unmodifiableSet(new LinkedHashSet<>(removed));
    this.round = round;
    this.ended = Collections.unmodifiableSet(new LinkedHashSet<>(ended));
  }

  /** A go-round: a prompt, the members in turn order, whose turn it is and until when. */
  public record Round(String prompt, List<Long> order, int index, Integer turnSeconds, Long turnUntil) {
    public Round {
      order = List.copyOf(order);
    }

    public Long current() {
      return index < order.size() ? order.get(index) : null;
    }

    JsonObject toJson() {
      return new JsonObject().put("prompt", prompt).put("order", new JsonArray(new ArrayList<>(order)))
          .put("index", index).put("turnSeconds", turnSeconds).put("turnUntil", turnUntil);
    }

    static Round fromJson(JsonObject json) {
      List<Long> order = new ArrayList<>();
      json.getJsonArray("order").forEach(id -> order.add(((Number) id).longValue()));
      Number until = (Number) json.getValue("turnUntil");
      return new Round(json.getString("prompt"), order, json.getInteger("index"), json.getInteger("turnSeconds"),
          until == null ? null : until.longValue());
    }
  }

  public static GroupState fromJson(JsonObject json) {
    if (json == null) {
      return EMPTY;
    }
    Map<Long, Long> muted = new LinkedHashMap<>();
    JsonObject mutedJson = json.getJsonObject("muted", new JsonObject());
    for (String id : mutedJson.fieldNames()) {
      Object until = mutedJson.getValue(id);
      muted.put(Long.parseLong(id), until == null ? null : ((Number) until).longValue());
    }
    List<Long> hands = new ArrayList<>();
    json.getJsonArray("hands", new JsonArray()).forEach(id -> hands.add(((Number) id).longValue()));
    Object floor = json.getValue("floor");
    Set<Long> removed = new LinkedHashSet<>();
    json.getJsonArray("removed", new JsonArray()).forEach(id -> removed.add(((Number) id).longValue()));
    JsonObject round = json.getJsonObject("round");
    Set<Long> ended = new LinkedHashSet<>();
    json.getJsonArray("ended", new JsonArray()).forEach(id -> ended.add(((Number) id).longValue()));
    return new GroupState(json.getBoolean("locked", false), muted, hands,
        floor == null ? null : ((Number) floor).longValue(), json.getInteger("slowModeSeconds", 0), removed,
        round == null ? null : Round.fromJson(round), ended);
  }

  /** The stored form. */
  public JsonObject toJson() {
    JsonObject muted = new JsonObject();
    mutedUntil.forEach((id, until) -> muted.put(Long.toString(id), until));
    return new JsonObject()
        .put("locked", locked)
        .put("muted", muted)
        .put("hands", new JsonArray(new ArrayList<>(hands)))
        .put("floor", floor)
        .put("slowModeSeconds", slowModeSeconds)
        .put("removed", new JsonArray(new ArrayList<>(removed)))
        .put("round", round == null ? null : round.toJson())
        .put("ended", new JsonArray(new ArrayList<>(ended)));
  }

  /** The contract's {@code state} object of {@code joined}, as of {@code nowMillis}. */
  public JsonObject toWire(long nowMillis) {
    JsonArray muted = new JsonArray();
    JsonObject until = new JsonObject();
    mutedUntil.forEach((id, t) -> {
      if (t == null || t > nowMillis) {
        muted.add(id);
        if (t != null) {
          until.put(Long.toString(id), java.time.Instant.ofEpochMilli(t).toString());
        }
      }
    });
    return new JsonObject()
        .put("locked", locked)
        .put("muted", muted)
        .put("mutedUntil", until)
        .put("hands", new JsonArray(new ArrayList<>(hands)))
        .put("floor", floor)
        .put("slowModeSeconds", slowModeSeconds)
        .put("round", round == null ? null : new JsonObject().put("prompt", round.prompt())
            .put("order", new JsonArray(new ArrayList<>(round.order()))).put("current", round.current())
            .put("turnUntil", round.turnUntil() == null ? null
                : java.time.Instant.ofEpochMilli(round.turnUntil()).toString()));
  }

  /** A group where nothing has happened yet. */
  public static GroupState empty() {
    return EMPTY;
  }

  public boolean locked() {
    return locked;
  }

  public GroupState withLocked(boolean value) {
    return new GroupState(value, mutedUntil, hands, floor, slowModeSeconds, removed, round, ended);
  }

  public boolean isMuted(long userId, long nowMillis) {
    if (!mutedUntil.containsKey(userId)) {
      return false;
    }
    Long until = mutedUntil.get(userId);
    return until == null || until > nowMillis;
  }

  /** Whether a mute of the member is recorded, expired or not. */
  public boolean hasMute(long userId) {
    return mutedUntil.containsKey(userId);
  }

  /** Mutes the member until {@code untilMillis} (null: until unmuted). */
  public GroupState withMute(long userId, Long untilMillis) {
    Map<Long, Long> next = new LinkedHashMap<>(mutedUntil);
    next.put(userId, untilMillis);
    return new GroupState(locked, next, hands, floor, slowModeSeconds, removed, round, ended);
  }

  public GroupState withoutMute(long userId) {
    Map<Long, Long> next = new LinkedHashMap<>(mutedUntil);
    next.remove(userId);
    return new GroupState(locked, next, hands, floor, slowModeSeconds, removed, round, ended);
  }

  /** Timed mutes that have ended by {@code nowMillis}. */
  public List<Long> expiredMutes(long nowMillis) {
    List<Long> expired = new ArrayList<>();
    mutedUntil.forEach((id, until) -> {
      if (until != null && until <= nowMillis) {
        expired.add(id);
      }
    });
    return expired;
  }

  /** The earliest moment something runs out by itself (a timed mute, a go-round turn), or null. */
  public Long nextDeadline() {
    Long next = mutedUntil.values().stream().filter(java.util.Objects::nonNull).min(Long::compare).orElse(null);
    if (round != null && round.turnUntil() != null && (next == null || round.turnUntil() < next)) {
      next = round.turnUntil();
    }
    return next;
  }

  public Round round() {
    return round;
  }

  public GroupState withRound(Round value) {
    return new GroupState(locked, mutedUntil, hands, floor, slowModeSeconds, removed, value, ended);
  }

  public List<Long> hands() {
    return hands;
  }

  public boolean hasHandUp(long userId) {
    return hands.contains(userId);
  }

  public GroupState withHandRaised(long userId) {
    if (hands.contains(userId)) {
      return this;
    }
    List<Long> next = new ArrayList<>(hands);
    next.add(userId);
    return new GroupState(locked, mutedUntil, next, floor, slowModeSeconds, removed, round, ended);
  }

  public GroupState withHandLowered(long userId) {
    List<Long> next = new ArrayList<>(hands);
    next.remove(Long.valueOf(userId));
    return new GroupState(locked, mutedUntil, next, floor, slowModeSeconds, removed, round, ended);
  }

  public Long floor() {
    return floor;
  }

  /** Gives the floor to the member (null: to nobody); a member given the floor has their hand lowered. */
  public GroupState withFloor(Long userId) {
    List<Long> next = new ArrayList<>(hands);
    if (userId != null) {
      next.remove(userId);
    }
    return new GroupState(locked, mutedUntil, next, userId, slowModeSeconds, removed, round, ended);
  }

  public int slowModeSeconds() {
    return slowModeSeconds;
  }

  public GroupState withSlowMode(int seconds) {
    return new GroupState(locked, mutedUntil, hands, floor, seconds, removed, round, ended);
  }

  public boolean isRemoved(long userId) {
    return removed.contains(userId);
  }

  /** Who was removed from the session, in the order of their removal. */
  public List<Long> removed() {
    return List.copyOf(removed);
  }

  /** Removes the member from the session: their hand goes down and they lose the floor. */
  public GroupState withRemoved(long userId) {
    Set<Long> next = new LinkedHashSet<>(removed);
    next.add(userId);
    List<Long> nextHands = new ArrayList<>(hands);
    nextHands.remove(Long.valueOf(userId));
    Long nextFloor = floor != null && floor == userId ? null : floor;
    return new GroupState(locked, mutedUntil, nextHands, nextFloor, slowModeSeconds, next, round, ended);
  }

  /** Lets a member removed from the session back in. */
  public GroupState withReadmitted(long userId) {
    Set<Long> next = new LinkedHashSet<>(removed);
    next.remove(userId);
    return new GroupState(locked, mutedUntil, hands, floor, slowModeSeconds, next, round, ended);
  }

  /** Whether the member's participation in the course has ended (a dropout); it never resumes. */
  public boolean hasEnded(long userId) {
    return ended.contains(userId);
  }

  /** Whether the member may not take part now: removed from this session, or their participation ended. */
  public boolean isExcluded(long userId) {
    return removed.contains(userId) || ended.contains(userId);
  }

  /** Ends the member's participation: like a removal, but for every later session too. */
  public GroupState withEnded(long userId) {
    GroupState out = withRemoved(userId).withReadmitted(userId);
    Set<Long> next = new LinkedHashSet<>(ended);
    next.add(userId);
    return new GroupState(out.locked, out.mutedUntil, out.hands, out.floor, out.slowModeSeconds, out.removed,
        out.round, next);
  }
}
