package org.holdspace.auth;

import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import org.holdspace.core.Refusal;

import java.util.Locale;
import java.util.Map;

/**
 * New passwords after NIST SP 800-63B: at least 12 characters, no composition rules, not among the 10,000 most
 * common passwords (nbvcxz's ranked list of leaked passwords), not the username. Refusals name the rule.
 */
public final class PasswordPolicy {
  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 200;
  private static final int COMMON_RANK = 10_000;
  private static final Map<String, Integer> RANKS = ConfigurationBuilder.getDefaultDictionaries().stream()
      .filter(d -> d.getDictionaryName().equals("passwords"))
      .findFirst()
      .map(Dictionary::getDictonary)
      .orElseThrow(() -> new IllegalStateException("nbvcxz has no password list"));

  private PasswordPolicy() {
  }

  /** Refuses the password (naming {@code field} and the rule) unless it may be set on the account. */
  public static void check(String field, String password, String username) {
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      throw Refusal.invalid(field + ": must be at least " + MIN_LENGTH + " characters");
    }
    if (length > MAX_LENGTH) {
      throw Refusal.invalid(field + ": must be at most " + MAX_LENGTH + " characters");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (username != null && lower.equals(username.toLowerCase(Locale.ROOT))) {
      throw Refusal.invalid(field + ": must not be the username");
    }
    Integer rank = RANKS.get(lower);
    if (rank != null && rank <= COMMON_RANK) {
      throw Refusal.invalid(field + ": is one of the most common passwords");
    }
  }
}
