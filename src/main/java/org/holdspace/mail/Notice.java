package org.holdspace.mail;

import java.util.List;

/**
 * A content-free e-mail: it says that something needs attention and where to look, never what it is about. Its
 * parts are a subject line, a few short lines of fixed wording chosen by the sender's code and a link into the web
 * client; there is deliberately no field for free text, so health data has no place to go.
 */
public record Notice(List<String> to, String subject, List<String> lines, String link) {
  private static final int MAX_LINE = 300;

  public Notice {
    to = List.copyOf(to);
    lines = List.copyOf(lines);
    if (to.isEmpty()) {
      throw new IllegalArgumentException("a notice needs at least one address");
    }
    if (subject.length() > MAX_LINE || lines.stream().anyMatch(l -> l.length() > MAX_LINE)) {
      throw new IllegalArgumentException("a notice has short lines only");
    }
  }

  /** The plain-text body: the lines, a blank line, the link. */
  public String text() {
    return String.join("\n", lines) + "\n\n" + link + "\n";
  }
}
