package org.holdspace.config;

import java.util.Optional;

/** The SMTP server e-mails go through (none when {@code smtpHost} is unset). */
public record Smtp(String host, int port, String from, Optional<String> username, Optional<String> password,
                   boolean startTls) {
  @Override
  public String toString() {
    return "Smtp[" + host + ":" + port + ", from " + from + (username.isPresent() ? ", with login" : "") + "]";
  }
}
