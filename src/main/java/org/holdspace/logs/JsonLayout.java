package org.holdspace.logs;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import io.vertx.core.json.JsonObject;
import org.slf4j.event.KeyValuePair;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * One JSON object a line: {@code time} (ISO-8601, UTC), {@code level}, {@code logger}, {@code thread},
 * {@code message}, then the MDC's and the event's key-value pairs as fields of their own (ids only, as every log
 * line), and {@code error} with the stack trace when there is one. It writes what the text format writes, no more.
 */
public final class JsonLayout extends LayoutBase<ILoggingEvent> {
  private static final Set<String> RESERVED = Set.of("time", "level", "logger", "thread", "message", "error");

  @Override
  public String doLayout(ILoggingEvent event) {
    JsonObject line = new JsonObject()
        .put("time", Instant.ofEpochMilli(event.getTimeStamp()).toString())
        .put("level", event.getLevel().toString())
        .put("logger", event.getLoggerName())
        .put("thread", event.getThreadName())
        .put("message", event.getFormattedMessage());
    Map<String, String> mdc = event.getMDCPropertyMap();
    if (mdc != null) {
      mdc.forEach((key, value) -> field(line, key, value));
    }
    if (event.getKeyValuePairs() != null) {
      for (KeyValuePair pair : event.getKeyValuePairs()) {
        field(line, pair.key, pair.value == null ? null : String.valueOf(pair.value));
      }
    }
    if (event.getThrowableProxy() != null) {
      line.put("error", ThrowableProxyUtil.asString(event.getThrowableProxy()));
    }
    return line.encode() + CoreConstants.LINE_SEPARATOR;
  }

  private static void field(JsonObject line, String key, String value) {
    if (key != null && !RESERVED.contains(key)) {
      line.put(key, value);
    }
  }

  @Override
  public String getContentType() {
    return "application/json";
  }
}
