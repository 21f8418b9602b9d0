package org.holdspace.alert;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built-in risk phrases against a labelled corpus of chat sentences ({@code risk-corpus.tsv}, four languages):
 * recall over the risky sentences and false alarms over the safe ones, for the tuning part, the held-out part
 * (never used to tune the phrases) and both.
 */
@DisplayName("Risk phrases against a labelled corpus")
class RiskCorpusTest {
  private static final RiskPhrases PHRASES = RiskPhrases.standard(List.of());

  private record Line(boolean risk, String language, String split, String text) {
  }

  private static List<Line> corpus() throws IOException {
    try (InputStream in = RiskCorpusTest.class.getResourceAsStream("/risk-corpus.tsv")) {
      List<Line> lines = new ArrayList<>();
      for (String raw : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (raw.isBlank() || raw.startsWith("#")) {
          continue;
        }
        String[] f = raw.split("\t", 4);
        lines.add(new Line(f[0].equals("risk"), f[1], f[2], f[3]));
      }
      return lines;
    }
  }

  private static double[] measure(List<Line> lines, Predicate<Line> part, String name) {
    List<Line> chosen = lines.stream().filter(part).toList();
    long risky = chosen.stream().filter(Line::risk).count();
    long safe = chosen.size() - risky;
    long found = 0;
    long alarms = 0;
    for (Line l : chosen) {
      String hit = PHRASES.firstMatch(l.text());
      if (l.risk() && hit != null) {
        found++;
      } else if (l.risk()) {
        System.out.println("  missed [" + l.language() + "/" + l.split() + "] " + l.text());
      } else if (hit != null) {
        alarms++;
        System.out.println("  false alarm [" + l.language() + "/" + l.split() + "] " + l.text() + "  <- " + hit);
      }
    }
    double recall = (double) found / risky;
    double falseAlarms = (double) alarms / safe;
    System.out.printf(Locale.ROOT, "risk corpus %s: recall %.1f%% (%d/%d), false alarms %.1f%% (%d/%d)%n", name,
        100 * recall, found, risky, 100 * falseAlarms, alarms, safe);
    return new double[] {recall, falseAlarms};
  }

  @Test
  @DisplayName("at least 150 risky and 150 safe sentences, in every language")
  void corpusIsLargeEnough() throws IOException {
    List<Line> lines = corpus();
    assertTrue(lines.stream().filter(Line::risk).count() >= 150);
    assertTrue(lines.stream().filter(l -> !l.risk()).count() >= 150);
    for (String language : List.of("en", "es", "fr", "de")) {
      for (String split : List.of("dev", "holdout")) {
        assertTrue(lines.stream().anyMatch(l -> l.language().equals(language) && l.split().equals(split) && l.risk()));
        assertTrue(lines.stream().anyMatch(l -> l.language().equals(language) && l.split().equals(split)
            && !l.risk()));
      }
    }
  }

  @Test
  @DisplayName("recall at least 95 % and false alarms at most 3 %, over the whole corpus")
  void recallAndFalseAlarms() throws IOException {
    List<Line> lines = corpus();
    measure(lines, l -> l.split().equals("dev"), "tuning part");
    double[] holdout = measure(lines, l -> l.split().equals("holdout"), "held-out part");
    double[] all = measure(lines, l -> true, "whole");
    assertTrue(all[0] >= 0.95, "recall " + all[0]);
    assertTrue(all[1] <= 0.03, "false alarms " + all[1]);
    assertTrue(holdout[0] >= 0.85, "held-out recall " + holdout[0]);
  }

  @Test
  @DisplayName("normalisation: case, accents, punctuation, repeated letters, digits for letters, chat spellings")
  void normalisation() {
    assertEquals(List.of("i", "want", "to", "die"), RiskText.tokens("I WANT to DIEEEE!!!"));
    assertEquals(List.of("i", "do", "not", "want", "to", "be", "here"), RiskText.tokens("i dont wanna be here"));
    assertEquals(List.of("i", "am", "kil", "myself"), RiskText.tokens("I’m k1lll myself"));
    assertTrue(PHRASES.matches("i wanna k1ll mys3lf"));
    assertTrue(PHRASES.matches("Quiero MORÍR."));
    assertTrue(PHRASES.matches("ich möchte STERBEN"));
    assertTrue(PHRASES.matches("I want to ... die"));
    assertFalse(PHRASES.matches("I don't want to die, I want to get better"));
    assertFalse(PHRASES.matches("shhh, the baby is sleeping"));
    assertFalse(PHRASES.matches("I could kill myselfie sticks"));
  }
}
