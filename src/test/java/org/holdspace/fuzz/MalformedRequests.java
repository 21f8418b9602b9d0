package org.holdspace.fuzz;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Random;

/**
 * A seeded generator of HTTP requests that the server must refuse with a 4xx and the contract's code: bodies that
 * are not JSON objects or are too deep or too large, fields missing, mistyped, out of range, unstorable or oversized,
 * requests that conflict with what exists, and malformed paths and query parameters. None may change anything.
 */
final class MalformedRequests {
  /** Who sends a request. */
  enum As { NOBODY, ADMIN, FACILITATOR, MEMBER }

  /** A request to send and why it is wrong. */
  record Request(HttpMethod method, String path, As as, String body, String defect) {
  }

  private final Random random;
  private final long group;
  private final long memberId;
  private final long facilitatorId;
  private final String memberUsername;

  MalformedRequests(Random random, long group, long memberId, long facilitatorId, String memberUsername) {
    this.random = random;
    this.group = group;
    this.memberId = memberId;
    this.facilitatorId = facilitatorId;
    this.memberUsername = memberUsername;
  }

  Request next() {
    return switch (random.nextInt(10)) {
      case 0 -> body(HttpMethod.POST, "/api/auth/login", As.NOBODY, login());
      case 1 -> body(HttpMethod.POST, "/api/users", As.ADMIN, user());
      case 2, 3 -> body(HttpMethod.POST, "/api/groups", As.FACILITATOR, group());
      case 4 -> body(HttpMethod.POST, "/api/groups/" + group + "/members", As.FACILITATOR, enrol());
      case 5 -> body(HttpMethod.PUT, "/api/groups/" + group + "/members/" + memberId + "/focus", As.FACILITATOR,
          focus());
      case 6 -> query();
      case 7 -> path();
      case 8 -> body(HttpMethod.PUT, "/api/groups/" + group + "/retention", As.FACILITATOR, retention());
      default -> wholeBody();
    };
  }

  /** A body for one route with one field broken: {@code [fieldsJson, defect]}. */
  private record Broken(JsonObject body, String field, Object value, String defect) {
  }

  private Request body(HttpMethod method, String path, As as, Broken broken) {
    JsonObject body = broken.body().copy();
    String marker = "\u0001V\u0001";
    if (broken.value() == null) {
      body.remove(broken.field());
    } else {
      body.put(broken.field(), broken.value() instanceof Raw ? marker : broken.value());
    }
    String text = body.encode();
    if (broken.value() instanceof Raw raw) {
      text = text.replace("\"\\u0001V\\u0001\"", raw.json());
    }
    if (random.nextInt(10) == 0) {
      int depth = 1 + random.nextInt(300);
      text = text.substring(0, text.length() - 1) + ",\"extra\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
    }
    return new Request(method, path, as, text, broken.defect());
  }

  /** A value written into the JSON as it is (escapes, numbers beyond doubles). */
  private record Raw(String json) {
  }

  private Object unstorable() {
    return new Raw("\"" + pick("\\u0000", "a\\u0000", "\\ud800", "x\\udc00y", "\\ud83d") + "\"");
  }

  private Object mistyped() {
    return pick(7, -1.5, true, new JsonArray().add("x"), new JsonObject().put("a", 1), new Raw("1e999"),
        new Raw("123456789012345678901234567890"));
  }

  private Broken login() {
    JsonObject ok = new JsonObject().put("username", memberUsername).put("password", "whatever-it-is");
    String field = random.nextBoolean() ? "username" : "password";
    int max = field.equals("username") ? 100 : 200;
    return switch (random.nextInt(5)) {
      case 0 -> new Broken(ok, field, null, "missing " + field);
      case 1 -> new Broken(ok, field, mistyped(), "mistyped " + field);
      case 2 -> new Broken(ok, field, pick("", "   ", "\t\n"), "empty " + field);
      case 3 -> new Broken(ok, field, "u".repeat(max + 1 + random.nextInt(5000)), "oversized " + field);
      default -> new Broken(ok, field, unstorable(), "unstorable " + field);
    };
  }

  private Broken user() {
    JsonObject ok = new JsonObject().put("username", "fuzz-" + random.nextInt(1_000_000)).put("password", "long-enough-pw")
        .put("displayName", "Fuzz").put("role", "member");
    String field = (String) pick("username", "password", "displayName", "role");
    return switch (random.nextInt(6)) {
      case 0 -> new Broken(ok, field, null, "missing " + field);
      case 1 -> new Broken(ok, field, mistyped(), "mistyped " + field);
      case 2 -> new Broken(ok, field, unstorable(), "unstorable " + field);
      case 3 -> switch (field) {
        case "username" -> new Broken(ok, field, pick("ab", "has space", "semi;colon", "ünï", "x".repeat(65), "a/b"),
            "invalid username");
        case "password" -> new Broken(ok, field, pick("short", "123456789", "p".repeat(201)), "invalid password");
        case "displayName" -> new Broken(ok, field, pick("", "   ", "d".repeat(81)), "invalid displayName");
        default -> new Broken(ok, field, pick("root", "ADMIN ", "", "superuser", "member\u0000"), "invalid role");
      };
      case 4 -> new Broken(ok, "username", pick("admin", "ADMIN", memberUsername), "username taken");
      default -> new Broken(ok, field, "v".repeat(300 + random.nextInt(100_000)), "oversized " + field);
    };
  }

  private Broken group() {
    JsonObject ok = new JsonObject().put("name", "Fuzz group").put("protocol", "ipt").put("sessionCount", 12);
    if (random.nextBoolean()) {
      ok.put("firstSessionAt", "2030-01-07T17:00:00Z");
    }
    if (random.nextBoolean()) {
      ok.put("durationMinutes", 90);
    }
    String field = (String) pick("name", "protocol", "sessionCount", "firstSessionAt", "durationMinutes");
    return switch (random.nextInt(4)) {
      case 0 -> field.equals("firstSessionAt") || field.equals("durationMinutes")
          ? new Broken(ok, field, mistyped(), "mistyped " + field)
          : new Broken(ok, field, null, "missing " + field);
      case 1 -> new Broken(ok, field, mistyped(), "mistyped " + field);
      case 2 -> switch (field) {
        case "name" -> new Broken(ok, field, pick("", "  ", "n".repeat(121)), "invalid name");
        case "protocol" -> new Broken(ok, field, pick("IPT", "cbt", "", "ipt ", "x".repeat(5000)), "invalid protocol");
        case "sessionCount" -> new Broken(ok, field, pick(0, 11, 17, -12, 1001, 12.5, "12"), "invalid sessionCount");
        case "firstSessionAt" -> new Broken(ok, field, pick("yesterday", "2030-01-07", "2030-13-01T00:00:00Z",
            "+100000-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z", "+1000000000-12-31T23:59:59Z",
            "0000-01-01T00:00:00Z", "-4714-11-24T00:00:00Z", "2030-01-07T17:00:00+25:00", "x".repeat(65)),
            "invalid firstSessionAt");
        default -> new Broken(ok, field, pick(0, 14, 241, -90, 90.5, "90"), "invalid durationMinutes");
      };
      default -> field.equals("name")
          ? new Broken(ok, field, unstorable(), "unstorable name")
          : new Broken(ok, field, new Raw("\"" + "\\u0000" + "\""), "unstorable " + field);
    };
  }

  private Broken enrol() {
    JsonObject ok = new JsonObject().put("userId", memberId);
    return switch (random.nextInt(4)) {
      case 0 -> new Broken(ok, "userId", null, "missing userId");
      case 1 -> new Broken(ok, "userId", mistyped(), "mistyped userId");
      case 2 -> new Broken(ok, "userId", pick(memberId, facilitatorId, 987_654_321L, 0, -3),
          "a user that cannot be enrolled");
      default -> new Broken(ok, "userId", unstorable(), "unstorable userId");
    };
  }

  private Broken focus() {
    JsonObject ok = new JsonObject().put("area", "grief");
    if (random.nextBoolean()) {
      ok.put("goal", "Talk about it");
    }
    String field = random.nextBoolean() ? "area" : "goal";
    return switch (random.nextInt(4)) {
      case 0 -> field.equals("area") ? new Broken(ok, field, null, "missing area")
          : new Broken(ok, field, "g".repeat(501 + random.nextInt(5000)), "oversized goal");
      case 1 -> new Broken(ok, field, mistyped(), "mistyped " + field);
      case 2 -> field.equals("area")
          ? new Broken(ok, field, pick("Grief", "sadness", "", "grief ", "role-dispute"), "invalid area")
          : new Broken(ok, field, "g".repeat(501), "oversized goal");
      default -> new Broken(ok, field, unstorable(), "unstorable " + field);
    };
  }

  private Broken retention() {
    JsonObject ok = new JsonObject().put("retentionDays", 30);
    return random.nextInt(4) == 0 ? new Broken(ok, "retentionDays", null, "missing retentionDays")
        : new Broken(ok, "retentionDays", pick(-1, 36_501, 2.5, "30", true, new JsonArray(), new Raw("1e999"),
            unstorable()), "invalid retentionDays");
  }

  private Request query() {
    String bad = (String) pick("-1", "abc", "1.5", "1e3", "99999999999999999999", "%00", "%F0%9F%98%80", "", "0x10",
        "+5", "1%200", "%ZZ");
    if (random.nextBoolean()) {
      String name = random.nextBoolean() ? "after" : "limit";
      String other = name.equals("after") ? "limit=10" : "after=0";
      if (name.equals("limit") && random.nextBoolean()) {
        bad = (String) pick("0", "1001", "5000");
      }
      return new Request(HttpMethod.GET, "/api/groups/" + group + "/events?" + other + "&" + name + "=" + bad,
          As.MEMBER, null, "bad " + name);
    }
    String name = (String) pick("groupId", "after", "limit");
    if (name.equals("limit") && random.nextBoolean()) {
      bad = (String) pick("0", "1001");
    }
    return new Request(HttpMethod.GET, "/api/audit?" + name + "=" + bad, As.ADMIN, null, "bad " + name);
  }

  private Request path() {
    String id = (String) pick("0", "-1", "abc", "1.5", "99999999999999999999999", "%00", "%2e%2e", "1%20", "00001x",
        "%F0%9F%98%80", "987654321", "1e3");
    String path = (String) pick("/api/groups/" + id, "/api/groups/" + id + "/events",
        "/api/groups/" + group + "/members/" + id + "/focus", "/api/groups/" + id + "/alerts",
        "/api/groups/" + id + "/attendance", "/api/nothing-here/" + id);
    HttpMethod method = path.endsWith("/focus") ? HttpMethod.PUT : HttpMethod.GET;
    String body = method == HttpMethod.PUT ? new JsonObject().put("area", "grief").encode() : null;
    return new Request(method, path, As.FACILITATOR, body, "bad path");
  }

  private Request wholeBody() {
    String path = (String) pick("/api/groups", "/api/users", "/api/groups/" + group + "/members");
    As as = path.equals("/api/users") ? As.ADMIN : As.FACILITATOR;
    String body = switch (random.nextInt(8)) {
      case 0 -> "";
      case 1 -> (String) pick("[]", "42", "\"text\"", "null", "true", "[{\"name\":\"x\"}]");
      case 2 -> "{\"name\": \"unterminated";
      case 3 -> "{name: 'single quotes'}";
      case 4 -> "[".repeat(1_100 + random.nextInt(10_000)) + "]".repeat(1);
      case 5 -> "{\"a\":" + "{\"a\":".repeat(1_100 + random.nextInt(5_000)) + "1" + "}".repeat(1_101) + "}";
      case 6 -> "{\"name\":\"" + "x".repeat(256 * 1024 + random.nextInt(10_000)) + "\"}";
      default -> "\u00ff\u00fe garbage \u0000";
    };
    return new Request(HttpMethod.POST, path, as, body, "not a usable body");
  }

  private Object pick(Object... options) {
    return options[random.nextInt(options.length)];
  }

  static List<String> codesFor(int status) {
    return switch (status) {
      case 400 -> List.of("bad_request");
      case 401 -> List.of("unauthenticated");
      case 403 -> List.of("forbidden");
      case 404 -> List.of("not_found");
      case 409 -> List.of("conflict");
      case 413 -> List.of("too_large");
      case 429 -> List.of("rate_limited");
      default -> List.of();
    };
  }
}
