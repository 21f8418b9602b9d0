package org.holdspace.core;

import io.vertx.core.Future;

/** Work the server does by itself every so often (sweeps, purges, reminders), scheduled by {@link Jobs}. */
public interface Job {
  /** A short name for the logs. */
  String name();

  /** How long after the start the first run begins (0: at once, before the server is ready). */
  long firstAfterMs();

  /** The time between runs. */
  long everyMs();

  /** One run; the next starts only after it has completed. */
  Future<?> run();

  /** A job that runs {@code run} every {@code everyMs}, the first time after one interval. */
  static Job every(String name, long everyMs, java.util.function.Supplier<Future<?>> run) {
    return new Job() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public long firstAfterMs() {
        return everyMs;
      }

      @Override
      public long everyMs() {
        return everyMs;
      }

      @Override
      public Future<?> run() {
        return run.get();
      }
    };
  }
}
