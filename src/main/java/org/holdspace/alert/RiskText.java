package org.holdspace.alert;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns chat text into the tokens the risk phrases are matched against: lower case without accents, punctuation or
 * emoji; digits inside words read as letters (k1ll); English contractions and common chat spellings written out
 * (dont, wanna, kms, u, jveux, q); and every run of a repeated letter cut to one (dieeee and die, kill and kil), the
 * same for the phrases and the text. Pure.
 */
final class RiskText {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern APOSTROPHES = Pattern.compile("[’‘`´ʼ]");
  private static final Pattern CONTRACTION = Pattern.compile("(\\p{L})'(t|m|re|ll|ve|d|s)\\b");
  private static final Pattern LEET = Pattern.compile("(?<=\\p{L})[013457@$]+|[013457@$]+(?=\\p{L})");
  private static final String LEET_CHARS = "013457@$";
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Map<String, String> CONTRACTIONS = Map.of("t", "t", "m", "am", "re", "are", "ll", "will",
      "ve", "have", "d", "would", "s", "s");
  /** Chat spellings, abbreviations and slang, written out. */
  private static final Map<String, String> SPELLINGS = Map.ofEntries(
      Map.entry("dont", "do not"), Map.entry("donnot", "do not"), Map.entry("doesnt", "does not"),
      Map.entry("didnt", "did not"), Map.entry("cant", "can not"), Map.entry("cannot", "can not"),
      Map.entry("wont", "will not"), Map.entry("wouldnt", "would not"), Map.entry("isnt", "is not"),
      Map.entry("aint", "am not"), Map.entry("im", "i am"), Map.entry("ive", "i have"), Map.entry("id", "i would"),
      Map.entry("ill", "i will"), Map.entry("wanna", "want to"), Map.entry("gonna", "going to"),
      Map.entry("gotta", "got to"), Map.entry("u", "you"), Map.entry("ur", "your"), Map.entry("r", "are"),
      Map.entry("ppl", "people"), Map.entry("kms", "kill myself"), Map.entry("kmsl", "kill myself"),
      Map.entry("unalive", "kill"), Map.entry("unaliving", "killing"), Map.entry("sewerslide", "suicide"),
      Map.entry("suicde", "suicide"), Map.entry("sucide", "suicide"), Map.entry("selfharm", "self harm"),
      Map.entry("anymore", "any more"),
      Map.entry("nomore", "no more"), Map.entry("tmrw", "tomorrow"), Map.entry("tmr", "tomorrow"),
      Map.entry("q", "que"), Map.entry("xq", "porque"), Map.entry("pq", "porque"), Map.entry("k", "que"),
      Map.entry("jveux", "je veux"), Map.entry("jpeux", "je peux"), Map.entry("chui", "je suis"),
      Map.entry("jsuis", "je suis"), Map.entry("jvais", "je vais"), Map.entry("jai", "j ai"),
      Map.entry("ptdr", "rire"), Map.entry("mdr", "rire"), Map.entry("nich", "nicht"), Map.entry("hab", "habe"),
      Map.entry("mich", "mich"));

  private RiskText() {
  }

  /** The tokens of a text, ready for matching (a new list). */
  static List<String> tokens(String text) {
    boolean ascii = isAscii(text);
    String s = ascii ? text.toLowerCase(Locale.ROOT).replace('`', '\'') : unicodeLowerCase(text);
    if (s.indexOf('\'') >= 0) {
      s = CONTRACTION.matcher(s).replaceAll(m -> {
        String tail = CONTRACTIONS.get(m.group(2));
        return m.group(2).equals("t") ? m.group(1) + "t" : m.group(1) + " " + tail;
      });
    }
    if (hasLeet(s)) {
      s = LEET.matcher(s).replaceAll(m -> leet(m.group()));
    }
    List<String> tokens = new ArrayList<>();
    if (ascii) {
      for (int i = 0, n = s.length(); i < n; ) {
        int end = i;
        while (end < n && isAsciiWordChar(s.charAt(end))) {
          end++;
        }
        if (end > i) {
          add(s.substring(i, end), tokens);
        }
        i = end + 1;
      }
      return tokens;
    }
    for (String raw : NON_WORD.matcher(s).replaceAll(" ").trim().split(" ")) {
      if (!raw.isEmpty()) {
        add(raw, tokens);
      }
    }
    return tokens;
  }

  /** Lower case without accents, with the letters NFKD leaves whole spelled out and every apostrophe one kind. */
  private static String unicodeLowerCase(String text) {
    String s = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("")
        .toLowerCase(Locale.ROOT).replace("ß", "ss").replace("æ", "ae").replace("œ", "oe");
    return APOSTROPHES.matcher(s).replaceAll("'");
  }

  private static void add(String raw, List<String> tokens) {
    String spelled = SPELLINGS.get(raw);
    if (spelled == null) {
      tokens.add(squeeze(raw));
      return;
    }
    for (String t : spelled.split(" ")) {
      tokens.add(squeeze(t));
    }
  }

  private static boolean isAscii(String text) {
    for (int i = 0, n = text.length(); i < n; i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** A letter or digit of lower-case ASCII text, what {@link #NON_WORD} leaves of it. */
  private static boolean isAsciiWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  /** Every run of one letter cut to a single letter. */
  static String squeeze(String token) {
    if (!hasRepeat(token)) {
      return token;
    }
    StringBuilder out = new StringBuilder(token.length());
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (out.length() == 0 || out.charAt(out.length() - 1) != c) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean hasLeet(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      if (LEET_CHARS.indexOf(s.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasRepeat(String token) {
    for (int i = 1; i < token.length(); i++) {
      if (token.charAt(i) == token.charAt(i - 1)) {
        return true;
      }
    }
    return false;
  }

  private static String leet(String digits) {
    StringBuilder out = new StringBuilder();
    for (char c : digits.toCharArray()) {
      out.append(switch (c) {
        case '0' -> 'o';
        case '1' -> 'i';
        case '3' -> 'e';
        case '4', '@' -> 'a';
        case '5', '$' -> 's';
        case '7' -> 't';
        default -> c;
      });
    }
    return out.toString();
  }
}
