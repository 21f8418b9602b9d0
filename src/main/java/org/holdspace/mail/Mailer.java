package org.holdspace.mail;

import io.vertx.core.Future;

/** Sends {@link Notice}s. A failed send fails the future; retrying is the caller's choice. */
public interface Mailer {
  /** Whether e-mail is configured at all; when not, {@link #send} fails and nothing should be queued for it. */
  boolean enabled();

  Future<Void> send(Notice notice);
}
