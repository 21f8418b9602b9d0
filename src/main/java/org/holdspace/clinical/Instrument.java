package org.holdspace.clinical;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One questionnaire as data (read from {@code instruments/instruments.json} by {@link Instruments}): its items and
 * their answer ranges, optional follow-up answers ("extras"), rules between answers, how the total becomes a severity
 * (bands of the total, or for screeners the first rule that holds) and which answers raise which alert. Pure: no I/O.
 * Answers are scored as given; a skipped questionnaire is never estimated.
 */
public final class Instrument {
  /** PHQ-9, depression, nine items 0-3. */
  public static final Instrument PHQ9 = Instruments.builtIn().require("phq9");
  /** GAD-7, anxiety, seven items 0-3. */
  public static final Instrument GAD7 = Instruments.builtIn().require("gad7");
  /** The PHQ-9 item about thoughts of being better off dead or of self-harm (1-based number 9). */
  public static final int PHQ9_RISK_ITEM = 9;

  /** One item: its text, its answer range and its LOINC code (null where LOINC has none). */
  public record Item(String text, int min, int max, String loinc) {
  }

  /** A follow-up answer stored with the questionnaire and never added to the total. */
  public record Extra(String id, boolean bool, Integer min, Integer max, Condition requiredWhen) {
  }

  /** A severity band of the total (screeners' bands have no range). */
  public record Band(String label, Integer min, Integer max) {
  }

  /**
   * Holds when every part it has holds: {@code item} answered within {@code min}-{@code max}, each {@code extra}
   * answered with the value given, and the severity one of {@code severity}. An empty condition always holds.
   */
  public record Condition(Integer item, Integer min, Integer max, Map<String, Object> extra, Set<String> severity) {
    boolean holds(List<Integer> answers, Map<String, Object> extras, String sev) {
      if (item != null) {
        int a = answers.get(item - 1);
        if ((min != null && a < min) || (max != null && a > max)) {
          return false;
        }
      }
      for (Map.Entry<String, Object> e : extra.entrySet()) {
        if (!e.getValue().equals(extras.get(e.getKey()))) {
          return false;
        }
      }
      return severity.isEmpty() || (sev != null && severity.contains(sev));
    }
  }

  /** When {@code when} holds, every condition of {@code then} must hold too; otherwise the answers are refused. */
  public record Constraint(Condition when, List<Condition> then, String message) {
  }

  /** A result (a severity or an alert kind) that applies when any of its conditions holds. */
  public record Rule(String result, List<Condition> anyOf) {
    boolean applies(List<Integer> answers, Map<String, Object> extras, String sev) {
      return anyOf.stream().anyMatch(c -> c.holds(answers, extras, sev));
    }
  }

  /** A scored questionnaire: the sum of its answers and its severity. */
  public record Score(int total, String severity) {
  }

  /** A scored questionnaire with its validated follow-up answers and the kinds of alert it raises. */
  public record Result(int total, String severity, Map<String, Object> extras, List<String> alerts) {
    public Score score() {
      return new Score(total, severity);
    }
  }

  private final String id;
  private final String name;
  private final String loinc;
  private final List<Item> items;
  private final List<Extra> extras;
  private final List<Band> bands;
  private final boolean scored;
  private final List<Constraint> constraints;
  private final List<Rule> severityRules;
  private final List<Rule> alertRules;

  public Instrument(String id, String name, String loinc, List<Item> items, List<Extra> extras, List<Band> bands,
                    boolean scored, List<Constraint> constraints, List<Rule> severityRules, List<Rule> alertRules) {
    this.id = id;
    this.name = name;
    this.loinc = loinc;
    this.items = List.copyOf(items);
    this.extras = List.copyOf(extras);
    this.bands = List.copyOf(bands);
    this.scored = scored;
    this.constraints = List.copyOf(constraints);
    this.severityRules = List.copyOf(severityRules);
    this.alertRules = List.copyOf(alertRules);
    if (scored ? bands.stream().anyMatch(b -> b.min() == null || b.max() == null) : severityRules.isEmpty()) {
      throw new IllegalArgumentException(id + ": a scored instrument needs ranged bands, a screener severity rules");
    }
  }

  /** The id on the wire ({@code phq9}, {@code gad7}, ...). */
  public String wire() {
    return id;
  }

  public String name() {
    return name;
  }

  /** The LOINC code of the total, or null where LOINC has none. */
  public String loinc() {
    return loinc;
  }

  public List<Item> itemList() {
    return items;
  }

  public List<Extra> extras() {
    return extras;
  }

  /** The built-in instrument with this id. */
  public static Optional<Instrument> fromWire(String name) {
    return Instruments.builtIn().find(name);
  }

  public int items() {
    return items.size();
  }

  /** The highest possible total. */
  public int maxTotal() {
    return items.stream().mapToInt(Item::max).sum();
  }

  /** Scores complete answers without follow-ups; refuses (naming the problem) a wrong count or an answer out of range. */
  public Score score(List<Integer> answers) {
    return evaluate(answers, Map.of()).score();
  }

  /** The severity band of a total (scored instruments only). */
  public String severity(int total) {
    if (total < 0 || total > maxTotal()) {
      throw new IllegalArgumentException("total: must be from 0 to " + maxTotal());
    }
    for (Band b : bands) {
      if (b.min() != null && total >= b.min() && total <= b.max()) {
        return b.label();
      }
    }
    throw new IllegalStateException(id + ": bands do not cover " + total);
  }

  /** Whether the answers call for an alert at once (for PHQ-9: any answer above 0 on item 9). */
  public boolean raisesRiskAlert(List<Integer> answers) {
    return !evaluate(answers, Map.of()).alerts().isEmpty();
  }

  /**
   * Validates and scores the answers and the follow-ups given (by extra id); an {@link IllegalArgumentException} names
   * the field of the first problem. Follow-ups the instrument does not have are ignored.
   */
  public Result evaluate(List<Integer> answers, Map<String, Object> given) {
    validate(answers);
    Map<String, Object> kept = new LinkedHashMap<>();
    for (Extra e : extras) {
      Object v = given.get(e.id());
      if (v == null) {
        if (e.requiredWhen() != null && e.requiredWhen().holds(answers, Map.of(), null)) {
          throw new IllegalArgumentException(e.id() + ": required with these answers");
        }
        continue;
      }
      if (e.bool() ? !(v instanceof Boolean) : !(v instanceof Integer i && i >= e.min() && i <= e.max())) {
        throw new IllegalArgumentException(e.id() + ": must be " + (e.bool() ? "true or false"
            : "a whole number from " + e.min() + " to " + e.max()));
      }
      kept.put(e.id(), v);
    }
    for (Constraint c : constraints) {
      if (c.when().holds(answers, kept, null) && !c.then().stream().allMatch(t -> t.holds(answers, kept, null))) {
        throw new IllegalArgumentException("answers: " + c.message());
      }
    }
    int total = answers.stream().mapToInt(Integer::intValue).sum();
    String severity = scored ? severity(total) : severityRules.stream()
        .filter(r -> r.applies(answers, kept, null)).findFirst().map(Rule::result)
        .orElseThrow(() -> new IllegalStateException(id + ": no severity rule applies"));
    List<String> alerts = new ArrayList<>();
    for (Rule r : alertRules) {
      if (r.applies(answers, kept, severity)) {
        alerts.add(r.result());
      }
    }
    return new Result(total, severity, Map.copyOf(kept), List.copyOf(alerts));
  }

  private void validate(List<Integer> answers) {
    if (answers == null || answers.size() != items.size()) {
      throw new IllegalArgumentException("answers: " + id + " takes exactly " + items.size() + " answers");
    }
    for (int i = 0; i < answers.size(); i++) {
      Integer a = answers.get(i);
      Item item = items.get(i);
      if (a == null || a < item.min() || a > item.max()) {
        throw new IllegalArgumentException("answers: item " + (i + 1) + " must be a whole number from " + item.min()
            + " to " + item.max());
      }
    }
  }

  @Override
  public String toString() {
    return id;
  }
}
