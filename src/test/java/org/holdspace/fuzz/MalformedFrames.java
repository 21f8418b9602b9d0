package org.holdspace.fuzz;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A seeded generator of WebSocket frames that the server must refuse: each starts from a valid frame of a known
 * type and gets exactly one defect that the contract refuses (not JSON, not an object, too deep, a bad type or ref,
 * a missing, mistyped, out-of-range, empty, oversized or unstorable field, another group, a role's frame from the
 * other role, a second hello with a broken token). None of them may change anything.
 */
final class MalformedFrames {
  /** A frame to send: its text, the ref the server must echo (null when it cannot read one), what was broken. */
  record Input(String text, String ref, String defect) {
  }

  /** A field of a frame and what kind of value it takes. */
  private enum Kind { ID, COUNT, POSITIVE, TEXT, TOKEN }

  private record Field(String name, Kind kind, boolean required, int max) {
  }

  private static final Map<String, List<Field>> FRAMES = new LinkedHashMap<>();
  static final Set<String> FACILITATOR_ONLY = Set.of("mute", "unmute", "redact", "lock", "unlock", "remove", "readmit",
      "give_floor", "take_floor", "slow_mode", "start_round", "next_turn", "end_round", "start_session", "end_session");
  static final Set<String> MEMBER_ONLY = Set.of("raise_hand", "lower_hand", "pass", "report");

  static {
    Field group = new Field("groupId", Kind.ID, true, 0);
    Field user = new Field("userId", Kind.ID, true, 0);
    FRAMES.put("hello", List.of(new Field("token", Kind.TOKEN, true, 4096)));
    FRAMES.put("join", List.of(group, new Field("after", Kind.COUNT, false, 0)));
    FRAMES.put("leave", List.of(group));
    FRAMES.put("typing", List.of(group));
    FRAMES.put("say", List.of(group, new Field("text", Kind.TEXT, true, 4000), new Field("clientId", Kind.TEXT, false, 100)));
    FRAMES.put("mute", List.of(group, user, new Field("minutes", Kind.POSITIVE, false, 7 * 24 * 60)));
    FRAMES.put("unmute", List.of(group, user));
    FRAMES.put("redact", List.of(group, new Field("seq", Kind.ID, true, 0)));
    for (String type : List.of("lock", "unlock", "take_floor", "next_turn", "end_round", "raise_hand", "lower_hand",
        "pass", "start_session", "end_session")) {
      FRAMES.put(type, List.of(group));
    }
    FRAMES.put("remove", List.of(group, user));
    FRAMES.put("readmit", List.of(group, user));
    FRAMES.put("give_floor", List.of(group, user));
    FRAMES.put("slow_mode", List.of(group, new Field("seconds", Kind.COUNT, true, 3600)));
    FRAMES.put("start_round", List.of(group, new Field("prompt", Kind.TEXT, true, 300),
        new Field("turnSeconds", Kind.COUNT, false, 1800)));
    FRAMES.put("whisper", List.of(group, new Field("text", Kind.TEXT, true, 4000)));
    FRAMES.put("report", List.of(group, new Field("seq", Kind.ID, true, 0), new Field("reason", Kind.TEXT, false, 500)));
  }

  /** Strings at the edges of Unicode and JSON, written as JSON escapes so that they reach the server as they are. */
  private static final List<String> UNSTORABLE = List.of("\\u0000", "a\\u0000b", "\\ud800", "x\\udfff", "\\udc00\\ud800",
      "\\ud83d", "end\\ud83d");
  private static final List<String> ODD_BUT_VALID = List.of("\\ufeff", "\\u202e", "\\u200d", "\\u2028", "\\u2029",
      "\\uffff", "\\ufffe", "\\u0001", "\\u001f", "\\ud83d\\ude00", "e\\u0301\\u0301\\u0301", "\\u0085", "\\/",
      "\\\"", "\\\\", "Ω", "𝄞", "👩‍👩‍👧", "ﷺ", "\\t\\r\\n");

  private final Random random;
  private final long group;
  private final long otherGroup;
  private final long missingGroup;
  private final long memberId;
  private final String token;
  private final boolean facilitator;
  private int refs;

  MalformedFrames(Random random, long group, long otherGroup, long missingGroup, long memberId, String token,
                  boolean facilitator) {
    this.random = random;
    this.group = group;
    this.otherGroup = otherGroup;
    this.missingGroup = missingGroup;
    this.memberId = memberId;
    this.token = token;
    this.facilitator = facilitator;
  }

  Input next() {
    List<String> types = new ArrayList<>(FRAMES.keySet());
    String type = types.get(random.nextInt(types.size()));
    String ref = "f" + (++refs);
    JsonObject valid = validFrame(type).put("ref", ref);
    int pick = random.nextInt(100);
    if (pick < 6) {
      return new Input(garbage(), null, "not JSON");
    }
    if (pick < 10) {
      return new Input(notAnObject(), null, "not an object");
    }
    if (pick < 14) {
      return new Input(tooDeep(valid), null, "nested too deep");
    }
    if (pick < 22) {
      return breakType(valid, ref);
    }
    if (pick < 27) {
      return breakRef(valid);
    }
    if (pick < 32 && type.equals("hello")) {
      return secondHello(valid, ref);
    }
    if (pick < 40 && roleRefused(type)) {
      return new Input(withNesting(valid), ref, "the other role's frame");
    }
    return breakField(type, valid, ref);
  }

  private boolean roleRefused(String type) {
    return facilitator ? MEMBER_ONLY.contains(type) : FACILITATOR_ONLY.contains(type);
  }

  private JsonObject validFrame(String type) {
    JsonObject frame = new JsonObject().put("type", type);
    for (Field f : FRAMES.get(type)) {
      if (!f.required() && random.nextBoolean()) {
        continue;
      }
      frame.put(f.name(), switch (f.name()) {
        case "groupId" -> group;
        case "userId" -> memberId;
        case "seq" -> 1L;
        case "token" -> token;
        case "after" -> 0L;
        case "minutes" -> 5.5;
        case "seconds" -> 10L;
        case "turnSeconds" -> 30L;
        case "clientId" -> "c" + random.nextInt(1_000_000);
        case "prompt" -> "What changed this week?";
        case "reason" -> "unkind";
        default -> "hello " + ODD_BUT_VALID.get(random.nextInt(ODD_BUT_VALID.size())).replace("\\", "");
      });
    }
    return frame;
  }

  /**
   * A later hello whose token is broken: the socket keeps its sign-in and answers unauthenticated (a valid token of
   * the same account would renew the sign-in instead, so it is no malformed input). Frames that carry no token here
   * (the member's whisper) get the same.
   */
  private static Input secondHello(JsonObject valid, String ref) {
    JsonObject hello = new JsonObject().put("type", "hello").put("ref", ref);
    String token = valid.getString("token");
    hello.put("token", token == null ? "not-a-token" : token + "x");
    return new Input(hello.encode(), ref, "a second hello with a broken token");
  }

  /** One field made invalid: missing, mistyped, out of range, empty, oversized, unstorable, or another group. */
  private Input breakField(String type, JsonObject valid, String ref) {
    List<Field> fields = FRAMES.get(type);
    Field f = fields.get(random.nextInt(fields.size()));
    if (f.kind() == Kind.TOKEN || (!facilitator && type.equals("whisper") && f.name().equals("userId"))) {
      return secondHello(valid, ref);
    }
    JsonObject frame = valid.copy();
    if (f.name().equals("groupId") && random.nextInt(4) == 0) {
      boolean other = random.nextBoolean();
      if (type.equals("typing") || type.equals("leave") || !other) {
        frame.put("groupId", other ? otherGroup : missingGroup);
        return new Input(withNesting(frame), ref, other ? "another group" : "no such group");
      }
      frame.put("groupId", otherGroup);
      return new Input(withNesting(frame), ref, "another group");
    }
    if (type.equals("typing") || type.equals("leave")) {
      // Valid-shaped typing or leave is refused too: this socket joined no group.
      return new Input(withNesting(frame), ref, "a group this socket has not joined");
    }
    if (f.required() && random.nextInt(5) == 0) {
      frame.remove(f.name());
      return new Input(withNesting(frame), ref, "missing " + f.name());
    }
    String marker = "\u0001BROKEN\u0001";
    Object bad = switch (f.kind()) {
      case ID -> pick(0, -1, 1.5, "1", true, new JsonArray(), new JsonObject(), 9.1e15, -1e300, marker);
      case COUNT -> pick(-1, 0.5, "10", false, new JsonArray().add(1), new JsonObject(), 1e300, marker,
          f.max() > 0 ? (Object) (long) (f.max() + 1 + random.nextInt(100_000)) : -7);
      case POSITIVE -> pick(0, -5, "5", true, new JsonArray(), (double) f.max() + 1, 1e308, marker);
      case TEXT -> pick(17, true, new JsonArray().add("x"), new JsonObject().put("text", "x"), marker, marker,
          marker, marker);
      case TOKEN -> marker;
    };
    if (bad == marker) {
      return new Input(withNesting(frame.put(f.name(), marker)).replace("\\u0001BROKEN\\u0001", badText(f)), ref,
          "unusable " + f.name());
    }
    frame.put(f.name(), bad);
    return new Input(withNesting(frame), ref, "mistyped or out-of-range " + f.name());
  }

  /** The JSON source of a string value that the field must refuse. */
  private String badText(Field f) {
    int choice = random.nextInt(f.kind() == Kind.TEXT ? 4 : 2);
    if (f.kind() == Kind.TEXT && f.name().equals("reason")) {
      choice = random.nextBoolean() ? 1 : 3;
    }
    if (f.kind() == Kind.TEXT && f.name().equals("clientId") && choice == 2) {
      choice = 0;
    }
    return switch (choice) {
      case 0 -> "";
      case 1 -> "ok " + UNSTORABLE.get(random.nextInt(UNSTORABLE.size())) + " ok";
      case 2 -> " \\t\\n ".repeat(1 + random.nextInt(5));
      default -> oversized(f.max());
    };
  }

  private String oversized(int max) {
    int length = max + 1 + random.nextInt(Math.min(150_000, max * 40));
    if (random.nextBoolean()) {
      return "x".repeat(length);
    }
    return "𝄞".repeat(Math.min(length, 60_000));
  }

  private Input breakType(JsonObject valid, String ref) {
    JsonObject frame = valid.copy();
    switch (random.nextInt(6)) {
      case 0 -> frame.remove("type");
      case 1 -> frame.put("type", pick(7, true, new JsonArray().add("say"), new JsonObject().put("type", "say")));
      case 2 -> frame.put("type", pick("SAY", " say", "say ", "Say", "sáy", "", "null", "hello\u0000"));
      case 3 -> frame.put("type", "x".repeat(1 + random.nextInt(20_000)));
      case 4 -> frame.putNull("type");
      default -> {
        String text = withNesting(frame.put("type", "\u0001T\u0001"));
        return new Input(text.replace("\\u0001T\\u0001", ODD_BUT_VALID.get(random.nextInt(ODD_BUT_VALID.size()))
            + UNSTORABLE.get(random.nextInt(UNSTORABLE.size()))), ref, "unknown type");
      }
    }
    return new Input(withNesting(frame), ref, "bad type");
  }

  private Input breakRef(JsonObject valid) {
    JsonObject frame = valid.copy();
    frame.put("ref", pick(1, 2.5, true, new JsonArray().add("r"), new JsonObject().put("ref", "r"),
        "r".repeat(201 + random.nextInt(5000))));
    return new Input(withNesting(frame), null, "bad ref");
  }

  /** Sometimes an extra field holding a deep, but still readable, structure: it must not matter. */
  private String withNesting(JsonObject frame) {
    if (random.nextInt(8) != 0) {
      return frame.encode();
    }
    int depth = 1 + random.nextInt(200);
    String encoded = frame.encode();
    return encoded.substring(0, encoded.length() - 1) + ",\"extra\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
  }

  private String tooDeep(JsonObject valid) {
    int depth = 1_100 + random.nextInt(20_000);
    String encoded = valid.encode();
    if (random.nextBoolean()) {
      return "[".repeat(depth) + "]".repeat(depth);
    }
    return encoded.substring(0, encoded.length() - 1) + ",\"extra\":" + "{\"a\":".repeat(depth) + "1"
        + "}".repeat(depth) + "}";
  }

  private String notAnObject() {
    return (String) pick("[]", "[{\"type\":\"say\"}]", "42", "-0.0", "\"say\"", "null", "true", "false", "1e999",
        "[" + "1,".repeat(random.nextInt(1000)) + "1]");
  }

  private String garbage() {
    return switch (random.nextInt(7)) {
      case 0 -> "";
      case 1 -> " \t\r\n";
      case 2 -> "{\"type\":\"say\",\"groupId\":" + group + ",\"text\":\"unterminated";
      case 3 -> "{\"type\":\"say\"}}trailing";
      case 4 -> "{type: 'say', groupId: " + group + "}";
      case 5 -> randomChars(1 + random.nextInt(2000));
      default -> "{\"type\":\"say\",\"groupId\":" + group + ",\"text\":\"bad escape \\x41\"}";
    };
  }

  private String randomChars(int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      int cp = switch (random.nextInt(4)) {
        case 0 -> 0x20 + random.nextInt(0x5f);
        case 1 -> random.nextInt(0x20);
        case 2 -> 0xa0 + random.nextInt(0xd7ff - 0xa0);
        default -> 0x10000 + random.nextInt(0x10ffff - 0x10000);
      };
      sb.appendCodePoint(cp);
    }
    return sb.toString();
  }

  private Object pick(Object... options) {
    return options[random.nextInt(options.length)];
  }
}
