package org.holdspace.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One risk phrase: words matched as whole tokens of {@link RiskText}, where {@code word*} matches any word that
 * starts so, {@code (a b|c)} is one of several word sequences ({@code (...)?}: or nothing), and {@code ..} allows up
 * to three other words in between. A phrase written {@code !...} does not count right after a negation ("I don't
 * want to die"). Pure.
 */
final class RiskPattern {
  private static final int GAP = 3;
  private static final int NEGATION_REACH = 3;
  private static final Set<String> NEGATIONS = Set.of("not", "never", "no", "nunca", "jamas", "jamais", "pas",
      "nicht", "nie", "kein", "keine");

  private record Word(String text, boolean prefix) {
    boolean matches(String token) {
      return prefix ? token.startsWith(text) : token.equals(text);
    }
  }

  private sealed interface Element permits Group, Gap, End {
  }

  private record End() implements Element {
  }

  /** Arrays rather than lists: the matcher recurses, so iterators over lists would not be optimised away. */
  private record Group(Word[][] choices, boolean optional) implements Element {
  }

  private record Gap() implements Element {
  }

  private final String source;
  private final Element[] elements;
  private final boolean unlessNegated;

  private RiskPattern(String source, Element[] elements, boolean unlessNegated) {
    this.source = source;
    this.elements = elements;
    this.unlessNegated = unlessNegated;
  }

  static RiskPattern parse(String line) {
    String text = line.strip();
    boolean negatable = text.startsWith("!");
    if (negatable) {
      text = text.substring(1).strip();
    }
    List<Element> elements = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == ' ') {
        i++;
      } else if (c == '(') {
        int close = text.indexOf(')', i);
        if (close < 0) {
          throw new IllegalArgumentException("unclosed group in risk phrase: " + line);
        }
        boolean optional = close + 1 < text.length() && text.charAt(close + 1) == '?';
        String[] choices = text.substring(i + 1, close).split("\\|");
        Word[][] words = new Word[choices.length][];
        for (int k = 0; k < choices.length; k++) {
          words[k] = words(choices[k]);
        }
        elements.add(new Group(words, optional));
        i = close + (optional ? 2 : 1);
      } else {
        int end = text.indexOf(' ', i);
        end = end < 0 ? text.length() : end;
        String word = text.substring(i, end);
        elements.add(word.equals("..") ? new Gap() : word.equals("$") ? new End()
            : new Group(new Word[][] {words(word)}, false));
        i = end;
      }
    }
    if (elements.isEmpty()) {
      throw new IllegalArgumentException("empty risk phrase");
    }
    return new RiskPattern(line, elements.toArray(new Element[0]), negatable);
  }

  private static Word[] words(String text) {
    List<Word> words = new ArrayList<>();
    for (String part : text.strip().split(" +")) {
      boolean prefix = part.endsWith("*");
      List<String> tokens = RiskText.tokens(prefix ? part.substring(0, part.length() - 1) : part);
      for (int k = 0; k < tokens.size(); k++) {
        words.add(new Word(tokens.get(k), prefix && k == tokens.size() - 1));
      }
    }
    return words.toArray(new Word[0]);
  }

  /** Whether the phrase occurs in the tokens. */
  boolean matches(List<String> tokens) {
    for (int start = 0; start < tokens.size(); start++) {
      if (matchesAt(tokens, start)) {
        return true;
      }
    }
    return false;
  }

  /** Whether an occurrence of the phrase begins at {@code start}. */
  boolean matchesAt(List<String> tokens, int start) {
    return from(0, start, tokens) >= 0 && !(unlessNegated && negatedAt(tokens, start));
  }

  /**
   * The words an occurrence must begin with, a prefix written with a trailing {@code *}; null when it may begin
   * with any word (a leading gap, end or optional group, or a choice of no words).
   */
  List<String> firstWords() {
    if (!(elements[0] instanceof Group group) || group.optional()) {
      return null;
    }
    List<String> first = new ArrayList<>();
    for (Word[] choice : group.choices()) {
      if (choice.length == 0) {
        return null;
      }
      first.add(choice[0].prefix() ? choice[0].text() + "*" : choice[0].text());
    }
    return first;
  }

  /** Blanks every occurrence of the phrase out of the tokens (for phrases that make a mention harmless). */
  void blank(List<String> tokens) {
    for (int start = 0; start < tokens.size(); start++) {
      int end = from(0, start, tokens);
      for (int k = start; k < end; k++) {
        tokens.set(k, "");
      }
    }
  }

  /** The end of a match of the elements from {@code e} on at {@code pos}, or -1. */
  private int from(int e, int pos, List<String> tokens) {
    if (e == elements.length) {
      return pos;
    }
    Element element = elements[e];
    if (element instanceof End) {
      return pos == tokens.size() ? from(e + 1, pos, tokens) : -1;
    }
    if (element instanceof Gap) {
      for (int skip = 0; skip <= GAP && pos + skip <= tokens.size(); skip++) {
        int end = from(e + 1, pos + skip, tokens);
        if (end >= 0) {
          return end;
        }
      }
      return -1;
    }
    Group group = (Group) element;
    Word[][] choices = group.choices();
    for (int c = 0; c < choices.length; c++) {
      if (sequenceAt(choices[c], pos, tokens)) {
        int end = from(e + 1, pos + choices[c].length, tokens);
        if (end >= 0) {
          return end;
        }
      }
    }
    return group.optional() ? from(e + 1, pos, tokens) : -1;
  }

  private static boolean sequenceAt(Word[] words, int pos, List<String> tokens) {
    if (pos + words.length > tokens.size()) {
      return false;
    }
    for (int k = 0; k < words.length; k++) {
      if (!words[k].matches(tokens.get(pos + k))) {
        return false;
      }
    }
    return true;
  }

  private static boolean negatedAt(List<String> tokens, int start) {
    for (int k = Math.max(0, start - NEGATION_REACH); k < start; k++) {
      if (NEGATIONS.contains(tokens.get(k))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return source;
  }
}
