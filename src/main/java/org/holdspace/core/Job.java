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
}
