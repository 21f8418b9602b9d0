package org.holdspace.alert;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds risk phrases (suicide, self-harm, means, farewell) in a message in English, Spanish, French or German: whole
 * words and short phrases with small gaps, after {@link RiskText} has evened out case, accents, punctuation,
 * repeated letters and chat spellings. {@link #standard} is the built-in list ({@code risk-phrases.txt}, measured
 * against a labelled corpus in the tests) plus any configured phrases. Pure.
 */
public final class RiskPhrases {
  private static final String BUILT_IN = "risk-phrases.txt";

  private final List<RiskPattern> patterns;
  private final List<RiskPattern> harmless;

  /**
   * Exactly these phrases (in {@link RiskPattern}'s syntax; a plain phrase is words in a row). A phrase written
   * {@code -...} makes a mention harmless: its words are taken out before the others are looked for ("suicide
   * prevention").
   */
  public RiskPhrases(List<String> phrases) {
    List<String> usable = phrases.stream().map(String::strip)
        .filter(p -> !RiskText.tokens(p.replace("!", "").replace("-", "")).isEmpty()).toList();
    this.patterns = usable.stream().filter(p -> !p.startsWith("-")).map(RiskPattern::parse).toList();
    this.harmless = usable.stream().filter(p -> p.startsWith("-")).map(p -> RiskPattern.parse(p.substring(1)))
        .toList();
  }

  /** The built-in phrases and the configured extra ones. */
  public static RiskPhrases standard(List<String> extra) {
    List<String> all = new ArrayList<>(builtIn());
    all.addAll(extra);
    return new RiskPhrases(all);
  }

  static List<String> builtIn() {
    try (InputStream in = RiskPhrases.class.getResourceAsStream(BUILT_IN)) {
      if (in == null) {
        throw new IllegalStateException(BUILT_IN + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the text contains any of the phrases. */
  public boolean matches(String text) {
    return firstMatch(text) != null;
  }

  /** The first phrase found in the text, or null (for the tests and tuning; never logged with the text). */
  String firstMatch(String text) {
    if (patterns.isEmpty() || text == null) {
      return null;
    }
    List<String> tokens = new ArrayList<>(RiskText.tokens(text));
    harmless.forEach(h -> h.blank(tokens));
    for (RiskPattern p : patterns) {
      if (p.matches(tokens)) {
        return p.toString();
      }
    }
    return null;
  }
}
