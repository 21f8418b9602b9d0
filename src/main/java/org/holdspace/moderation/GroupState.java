package org.holdspace.moderation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The moderation state of a group's current session, derived from its events: lock, mutes (with optional expiry),
 * the raised-hand queue, who holds the floor, slow mode and who was removed. Pure: no I/O.
 */
public final class GroupState {
  private boolean locked;
  private final Map<Long, Long> mutedUntil = new LinkedHashMap<>();
  private final List<Long> hands = new ArrayList<>();
  private Long floor;
  private int slowModeSeconds;
  private final Set<Long> removed = new LinkedHashSet<>();
  private Round round;

  /** A go-round: a prompt, the members in turn order, whose turn it is and until when. */
  public record Round(String prompt, List<Long> order, int index, Integer turnSeconds, Long turnUntil) {
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
    GroupState s = new GroupState();
    if (json == null) {
      return s;
    }
    s.locked = json.getBoolean("locked", false);
    JsonObject muted = json.getJsonObject("muted", new JsonObject());
    for (String id : muted.fieldNames()) {
      Object until = muted.getValue(id);
      s.mutedUntil.put(Long.parseLong(id), until == null ? null : ((Number) until).longValue());
    }
    json.getJsonArray("hands", new JsonArray()).forEach(id -> s.hands.add(((Number) id).longValue()));
    Object floor = json.getValue("floor");
    s.floor = floor == null ? null : ((Number) floor).longValue();
    s.slowModeSeconds = json.getInteger("slowModeSeconds", 0);
    json.getJsonArray("removed", new JsonArray()).forEach(id -> s.removed.add(((Number) id).longValue()));
    JsonObject round = json.getJsonObject("round");
    s.round = round == null ? null : Round.fromJson(round);
    return s;
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
        .put("round", round == null ? null : round.toJson());
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

  /** A fresh session: hands, floor, lock and slow mode cleared; mutes and removals of the last session lifted. */
  public static GroupState forNewSession() {
    return new GroupState();
  }

  public boolean locked() {
    return locked;
  }

  public void setLocked(boolean value) {
    locked = value;
  }

  public boolean isMuted(long userId, long nowMillis) {
    if (!mutedUntil.containsKey(userId)) {
      return false;
    }
    Long until = mutedUntil.get(userId);
    return until == null || until > nowMillis;
  }

  public void mute(long userId, Long untilMillis) {
    mutedUntil.put(userId, untilMillis);
  }

  /** Lifts a mute; answers whether there was one. */
  public boolean unmute(long userId) {
    boolean had = mutedUntil.containsKey(userId);
    mutedUntil.remove(userId);
    return had;
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

  public void setRound(Round value) {
    round = value;
  }

  public List<Long> hands() {
    return List.copyOf(hands);
  }

  public boolean raiseHand(long userId) {
    if (hands.contains(userId)) {
      return false;
    }
    hands.add(userId);
    return true;
  }

  public boolean lowerHand(long userId) {
    return hands.remove(Long.valueOf(userId));
  }

  public Long floor() {
    return floor;
  }

  public void setFloor(Long userId) {
    floor = userId;
    if (userId != null) {
      hands.remove(userId);
    }
  }

  public int slowModeSeconds() {
    return slowModeSeconds;
  }

  public void setSlowModeSeconds(int seconds) {
    slowModeSeconds = seconds;
  }

  public boolean isRemoved(long userId) {
    return removed.contains(userId);
  }

  public void remove(long userId) {
    removed.add(userId);
    hands.remove(Long.valueOf(userId));
    if (floor != null && floor == userId) {
      floor = null;
    }
  }
}
