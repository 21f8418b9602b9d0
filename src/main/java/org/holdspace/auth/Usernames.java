package org.holdspace.auth;

import org.holdspace.core.Refusal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Usernames: {@code [a-z0-9._@+-]}, 3 to 64 characters (an e-mail address fits), compared lower-case. */
public final class Usernames {
  private static final Pattern VALID = Pattern.compile("[a-z0-9._@+-]{3,64}");

  private Usernames() {
  }

  /** The lower-case form of a username that may exist, or empty for one that never can. */
  public static Optional<String> normal(String username) {
    if (username == null || username.length() > 64) {
      return Optional.empty();
    }
    String lower = username.toLowerCase(Locale.ROOT);
    return VALID.matcher(lower).matches() ? Optional.of(lower) : Optional.empty();
  }

  /** The lower-case username for a new account, or a refusal naming the field. */
  public static String forNewAccount(String username) {
    return normal(username).orElseThrow(() -> Refusal.invalid(
        "username: 3 to 64 of the characters a-z, 0-9, '.', '_', '@', '+' and '-'"));
  }
}
