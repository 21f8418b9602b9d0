package org.holdspace.core;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

@DisplayName("JSON codec of the server")
class StreamingJsonFactoryTest {
  private record Point(int x, String label) {
  }

  @Test
  @DisplayName("is the one Vert.x uses")
  void isVertxCodec() {
    assertEquals(new StreamingJsonFactory().codec(), Json.CODEC);
  }

  @Test
  @DisplayName("frames encode and decode as before: numbers, nesting, times, escapes")
  void roundTrip() {
    JsonObject frame = new JsonObject().put("type", "event").put("seq", 12L).put("ratio", 0.5)
        .put("at", Instant.parse("2026-12-01T10:00:00Z")).put("big", Long.MAX_VALUE)
        .put("from", new JsonObject().put("id", 7).put("displayName", "Ana \"A\" \u00e9\u2603"))
        .put("list", new JsonArray().add(1).add("two").addNull().add(true));
    String text = frame.encode();
    assertEquals("{\"type\":\"event\",\"seq\":12,\"ratio\":0.5,\"at\":\"2026-12-01T10:00:00Z\","
        + "\"big\":9223372036854775807,\"from\":{\"id\":7,\"displayName\":\"Ana \\\"A\\\" \u00e9\u2603\"},"
        + "\"list\":[1,\"two\",null,true]}", text);
    JsonObject back = new JsonObject(text);
    assertEquals(frame.copy().put("at", "2026-12-01T10:00:00Z"), back);
    assertEquals(back, new JsonObject(Buffer.buffer(text)));
    assertInstanceOf(JsonObject.class, Json.decodeValue(text));
  }

  @Test
  @DisplayName("Java objects inside JSON are still written by data binding")
  void javaObjects() {
    assertEquals("{\"point\":{\"x\":3,\"label\":\"p\"}}", new JsonObject().put("point", new Point(3, "p")).encode());
    assertEquals("{\"x\":1,\"label\":\"q\"}", Json.encode(new Point(1, "q")));
  }

  @Test
  @DisplayName("malformed JSON is refused with a decode error")
  void malformed() {
    assertThrows(DecodeException.class, () -> new JsonObject("{\"a\": "));
    assertThrows(DecodeException.class, () -> new JsonObject("[1, 2]"));
    assertThrows(DecodeException.class, () -> Json.decodeValue("{} {}"));
  }
}
