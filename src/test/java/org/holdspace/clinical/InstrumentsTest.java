package org.holdspace.clinical;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Instruments as data: WSAS, the C-SSRS screener and the catalogue")
class InstrumentsTest {
  private static final Instrument WSAS = Instrument.fromWire("wsas").orElseThrow();
  private static final Instrument CSSRS = Instrument.fromWire("cssrs_screen").orElseThrow();

  @Test
  @DisplayName("the catalogue has phq9, gad7, wsas and cssrs_screen with items, ranges, bands and scored")
  void catalogue() {
    assertEquals(Set.of("phq9", "gad7", "wsas", "cssrs_screen"), Instruments.builtIn().ids());
    for (Object o : Instruments.builtIn().toJson()) {
      JsonObject i = (JsonObject) o;
      assertTrue(i.getString("name").length() > 2, i.encode());
      assertTrue(i.getValue("scored") instanceof Boolean, i.getString("id"));
      assertTrue(i.getJsonArray("bands").size() > 1, i.getString("id"));
      for (Object item : i.getJsonArray("items")) {
        JsonObject it = (JsonObject) item;
        assertTrue(it.getString("text").length() > 5 && it.getInteger("min") == 0 && it.getInteger("max") > 0);
      }
    }
    assertEquals(5, WSAS.items());
    assertEquals(40, WSAS.maxTotal());
    assertEquals(6, CSSRS.items());
  }

  @ParameterizedTest(name = "WSAS total {0} is {1}")
  @CsvSource({"0,subclinical", "9,subclinical", "10,significant", "20,significant", "21,severe", "40,severe"})
  @DisplayName("WSAS: subclinical below 10, significant 10-20, severe above 20")
  void wsasBands(int total, String severity) {
    int[] answers = new int[5];
    int left = total;
    for (int i = 0; i < 5; i++) {
      answers[i] = Math.min(8, left);
      left -= answers[i];
    }
    assertEquals(new Instrument.Score(total, severity), WSAS.score(Arrays.stream(answers).boxed().toList()));
  }

  @Test
  @DisplayName("WSAS answers are 0-8 and there are five of them")
  void wsasRange() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> WSAS.score(List.of(0, 9, 0, 0, 0)))
        .getMessage().startsWith("answers: item 2"));
    assertThrows(IllegalArgumentException.class, () -> WSAS.score(List.of(0, 0, 0, 0)));
  }

  @ParameterizedTest(name = "C-SSRS {0} recent={1}: {2}, alert={3}")
  @CsvSource(nullValues = "-", value = {
      "0 0 0 0 0 0, -, none, false",
      "1 0 0 0 0 0, -, low, false",
      "0 1 0 0 0 0, -, low, false",
      "1 1 0 0 0 0, -, low, false",
      "1 1 1 0 0 0, -, moderate, true",
      "0 0 0 0 0 1, false, moderate, true",
      "1 1 0 1 0 0, -, high, true",
      "0 1 0 0 1 0, -, high, true",
      "0 0 0 0 0 1, true, high, true",
      "1 1 1 0 0 1, false, moderate, true",
      "0 0 0 0 0 0, true, none, false"})
  @DisplayName("C-SSRS severity: none, low (q1/q2 only), moderate (q3, or q6 not recent), high (q4, q5, q6 recent)")
  void cssrsSeverity(String answers, Boolean recent, String severity, boolean alert) {
    Map<String, Object> extras = new HashMap<>();
    if (recent != null) {
      extras.put("q6Recent", recent);
    }
    List<Integer> list = Arrays.stream(answers.split(" ")).map(Integer::valueOf).toList();
    Instrument.Result result = CSSRS.evaluate(list, extras);
    assertEquals(severity, result.severity());
    assertEquals((int) list.stream().mapToInt(Integer::intValue).sum(), result.total(), "total = yes count");
    assertEquals(alert ? List.of("cssrs") : List.of(), result.alerts());
  }

  @Test
  @DisplayName("C-SSRS: q3-q5 must be 0 when q2 is 0, q6Recent is required with q6 yes, answers are 0 or 1")
  void cssrsRules() {
    for (int q = 3; q <= 5; q++) {
      Integer[] a = {1, 0, 0, 0, 0, 0};
      a[q - 1] = 1;
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> CSSRS.evaluate(List.of(a), Map.of()));
      assertTrue(e.getMessage().startsWith("answers:"), e.getMessage());
    }
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> CSSRS.evaluate(List.of(0, 0, 0, 0, 0, 1), Map.of()));
    assertTrue(missing.getMessage().startsWith("q6Recent"), missing.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CSSRS.evaluate(List.of(0, 0, 0, 0, 0, 1), Map.of("q6Recent", 1)));
    assertThrows(IllegalArgumentException.class, () -> CSSRS.evaluate(List.of(2, 0, 0, 0, 0, 0), Map.of()));
  }

  @Test
  @DisplayName("PHQ-9's difficulty question is kept with the answers and not added to the total")
  void phq9Difficulty() {
    Instrument.Result r = Instrument.PHQ9.evaluate(List.of(1, 1, 1, 1, 1, 1, 1, 1, 0), Map.of("difficulty", 2));
    assertEquals(8, r.total());
    assertEquals(Map.of("difficulty", 2), r.extras());
    assertEquals(List.of(), r.alerts());
    assertThrows(IllegalArgumentException.class,
        () -> Instrument.PHQ9.evaluate(List.of(1, 1, 1, 1, 1, 1, 1, 1, 0), Map.of("difficulty", 4)));
    assertEquals(List.of("phq9_item9"), Instrument.PHQ9.evaluate(List.of(0, 0, 0, 0, 0, 0, 0, 0, 2), Map.of()).alerts());
  }

  @Test
  @DisplayName("a new instrument is one entry of data: its bands, rules and alerts come from the entry alone")
  void oneEntryIsEnough() {
    JsonObject entry = new JsonObject()
        .put("id", "k2").put("name", "Two-item check").put("scored", true)
        .put("items", new JsonArray().add(item()).add(item()))
        .put("bands", new JsonArray().add(band("low", 0, 2)).add(band("high", 3, 4)))
        .put("alerts", new JsonArray().add(new JsonObject().put("kind", "k2_high")
            .put("when", new JsonArray().add(new JsonObject().put("severity", new JsonArray().add("high"))))));
    Instrument k2 = Instruments.parse(new JsonObject().put("instruments", new JsonArray().add(entry)))
        .find("k2").orElseThrow();
    assertEquals(new Instrument.Score(3, "high"), k2.score(List.of(1, 2)));
    assertEquals(List.of("k2_high"), k2.evaluate(List.of(2, 2), Map.of()).alerts());
    assertEquals(List.of(), k2.evaluate(List.of(1, 0), Map.of()).alerts());
  }

  private static JsonObject item() {
    return new JsonObject().put("text", "How much?").put("min", 0).put("max", 2);
  }

  private static JsonObject band(String label, int min, int max) {
    return new JsonObject().put("label", label).put("min", min).put("max", max);
  }
}
