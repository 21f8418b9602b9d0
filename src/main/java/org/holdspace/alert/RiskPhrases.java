package org.holdspace.alert;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds configured risk phrases (self-harm, suicide) in a message, in any language given, ignoring case, accents,
 * punctuation and spacing. Pure.
 */
public final class RiskPhrases {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private final List<String> phrases;

  public RiskPhrases(List<String> phrases) {
    this.phrases = phrases.stream().map(RiskPhrases::normalize).filter(p -> !p.isBlank()).distinct().toList();
  }

  /** Whether the text contains any phrase as whole words. */
  public boolean matches(String text) {
    if (phrases.isEmpty()) {
      return false;
    }
    String normalized = " " + normalize(text) + " ";
    for (String phrase : phrases) {
      if (normalized.contains(" " + phrase + " ")) {
        return true;
      }
    }
    return false;
  }

  static String normalize(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
    String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    return NON_WORD.matcher(plain).replaceAll(" ").trim();
  }
}
