package org.holdspace.alert;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How chat text becomes the tokens risk phrases are matched against. */
@DisplayName("Risk text tokens")
class RiskTextTest {
  /** Non-ASCII punctuation: it leaves no token, but takes a text down the full Unicode path. */
  private static final String ELLIPSIS = " \u2026";

  @Test
  @DisplayName("chat spellings, contractions, digits for letters and repeated letters are evened out")
  void evensOutChatText() {
    assertEquals(List.of("i", "do", "not", "want", "to", "kil", "myself"),
        RiskText.tokens("I DON`T wanna  k1ll myself!!!"));
    assertEquals(List.of("i", "am", "so", "tired", "of", "it", "al"), RiskText.tokens("I'm sooo tired of it all..."));
    assertEquals(List.of("je", "veux", "mourir"), RiskText.tokens("Jveux MOURIR"));
    assertEquals(List.of("ich", "wil", "nicht", "mehr", "leben"), RiskText.tokens("Ich will nich mehr leben"));
  }

  @Test
  @DisplayName("plain ASCII text gets the same tokens as it would through the full Unicode path")
  void asciiTextAsUnicodeText() {
    Random random = new Random(20);
    String alphabet = "abcdeKILLmyself DONT'`013457@$.,!?-_\t\nwannaImurr";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int n = random.nextInt(40); n > 0; n--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertEquals(RiskText.tokens(text + ELLIPSIS), RiskText.tokens(text.toString()), text::toString);
    }
  }
}
