package org.holdspace.alert;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Finds risk phrases (suicide, self-harm, means, farewell) in a message in English, Spanish, French or German: whole
 * words and short phrases with small gaps, after {@link RiskText} has evened out case, accents, punctuation,
 * repeated letters and chat spellings. {@link #standard} is the built-in list ({@code risk-phrases.txt}, measured
 * against a labelled corpus in the tests) plus any configured phrases. Pure.
 */
public final class RiskPhrases {
  private static final String BUILT_IN = "risk-phrases.txt";
  private static final int[] NONE = {};

  private final List<RiskPattern> patterns;
  private final List<RiskPattern> harmless;
  private final Map<String, int[]> byFirstWord = new HashMap<>();
  private final Map<String, int[]> byFirstPrefix = new HashMap<>();
  private final int[] anywhere;

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
    this.anywhere = index();
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
    List<String> tokens = RiskText.tokens(text);
    harmless.forEach(h -> h.blank(tokens));
    int first = patterns.size();
    for (int start = 0; start < tokens.size(); start++) {
      String token = tokens.get(start);
      first = firstAt(byFirstWord.getOrDefault(token, NONE), tokens, start, first);
      for (Map.Entry<String, int[]> prefix : byFirstPrefix.entrySet()) {
        if (token.startsWith(prefix.getKey())) {
          first = firstAt(prefix.getValue(), tokens, start, first);
        }
      }
      first = firstAt(anywhere, tokens, start, first);
    }
    return first < patterns.size() ? patterns.get(first).toString() : null;
  }

  /** The lowest of {@code first} and the candidates (pattern indexes, ascending) that occur at {@code start}. */
  private int firstAt(int[] candidates, List<String> tokens, int start, int first) {
    for (int i : candidates) {
      if (i >= first) {
        break;
      }
      if (patterns.get(i).matchesAt(tokens, start)) {
        return i;
      }
    }
    return first;
  }

  /**
   * Fills the pattern indexes by the word (or prefix) an occurrence of each must begin with, so a word is tried on
   * few, and answers those of the patterns that may begin with any word.
   */
  private int[] index() {
    Map<String, List<Integer>> words = new HashMap<>();
    Map<String, List<Integer>> prefixes = new HashMap<>();
    List<Integer> rest = new ArrayList<>();
    for (int i = 0; i < patterns.size(); i++) {
      List<String> firstWords = patterns.get(i).firstWords();
      if (firstWords == null) {
        rest.add(i);
        continue;
      }
      for (String w : new LinkedHashSet<>(firstWords)) {
        if (w.endsWith("*")) {
          prefixes.computeIfAbsent(w.substring(0, w.length() - 1), k -> new ArrayList<>()).add(i);
        } else {
          words.computeIfAbsent(w, k -> new ArrayList<>()).add(i);
        }
      }
    }
    words.forEach((w, list) -> byFirstWord.put(w, ints(list)));
    prefixes.forEach((w, list) -> byFirstPrefix.put(w, ints(list)));
    return ints(rest);
  }

  private static int[] ints(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }
}
