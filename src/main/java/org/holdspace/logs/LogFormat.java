package org.holdspace.logs;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import java.util.Iterator;

/**
 * Applies the {@code logFormat} setting to the console: {@code text} keeps {@code logback.xml}'s pattern,
 * {@code json} gives every appender of the root logger the {@link JsonLayout}.
 */
public final class LogFormat {
  private LogFormat() {
  }

  public static void apply(String format) {
    if (!format.equals("json")) {
      return;
    }
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!(factory instanceof LoggerContext context)) {
      return;
    }
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
      if (it.next() instanceof OutputStreamAppender<ILoggingEvent> appender) {
        appender.stop();
        appender.setEncoder(jsonEncoder(context));
        appender.start();
      }
    }
  }

  /** An encoder writing the {@link JsonLayout}, started. */
  public static LayoutWrappingEncoder<ILoggingEvent> jsonEncoder(LoggerContext context) {
    JsonLayout layout = new JsonLayout();
    layout.setContext(context);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    encoder.start();
    return encoder;
  }
}
