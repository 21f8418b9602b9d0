package org.holdspace.core;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.EncodeException;
import io.vertx.core.json.jackson.DatabindCodec;
import io.vertx.core.json.jackson.JacksonCodec;
import io.vertx.core.spi.JsonFactory;
import io.vertx.core.spi.json.JsonCodec;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Vert.x's JSON codec for the server (registered in {@code META-INF/services}): JSON objects, arrays and plain values
 * are written and read with Jackson's streaming parser and generator, as Vert.x does without jackson-databind. With
 * databind on the classpath (it comes with the FHIR library) Vert.x would route every frame through an
 * {@code ObjectMapper}, which costs a serializer provider and more per call. Anything the streaming codec cannot map
 * (a Java object inside a JSON object) still goes to databind, so no value encodes differently.
 */
public final class StreamingJsonFactory implements JsonFactory {
  private static final JsonCodec CODEC = new Codec();

  @Override
  public int order() {
    return 0;
  }

  @Override
  public JsonCodec codec() {
    return CODEC;
  }

  private static final class Codec extends DatabindCodec {
    private final JacksonCodec streaming = new JacksonCodec();

    @Override
    public String toString(Object object, boolean pretty) throws EncodeException {
      return streamingOr(() -> streaming.toString(object, pretty), () -> super.toString(object, pretty));
    }

    @Override
    public Buffer toBuffer(Object object, boolean pretty) throws EncodeException {
      return streamingOr(() -> streaming.toBuffer(object, pretty), () -> super.toBuffer(object, pretty));
    }

    private static <T> T streamingOr(Supplier<T> streamingEncoding, Supplier<T> databindEncoding) {
      try {
        return streamingEncoding.get();
      } catch (EncodeException notPlainJson) {
        return databindEncoding.get();
      }
    }

    @Override
    public <T> T fromString(String json, Class<T> type) throws DecodeException {
      return isPlain(type) ? streaming.fromString(json, type) : super.fromString(json, type);
    }

    @Override
    public <T> T fromBuffer(Buffer json, Class<T> type) throws DecodeException {
      return isPlain(type) ? streaming.fromBuffer(json, type) : super.fromBuffer(json, type);
    }

    private static boolean isPlain(Class<?> type) {
      return type == Map.class || type == List.class || type == Object.class;
    }
  }
}
