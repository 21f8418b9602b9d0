package org.holdspace.clinical;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The self-report questionnaires Holdspace scores: PHQ-9 (depression, nine items) and GAD-7 (anxiety, seven items),
 * each item answered 0-3. Pure: no I/O. Answers are scored as given; a skipped questionnaire is never estimated.
 */
public enum Instrument {
  PHQ9(9, new int[] {4, 9, 14, 19, 27}, List.of("minimal", "mild", "moderate", "moderately_severe", "severe")),
  GAD7(7, new int[] {4, 9, 14, 21}, List.of("minimal", "mild", "moderate", "severe"));

  /** The PHQ-9 item about thoughts of being better off dead or of self-harm (1-based number 9). */
  public static final int PHQ9_RISK_ITEM = 9;

  private final int items;
  private final int[] bandTops;
  private final List<String> bands;

  Instrument(int items, int[] bandTops, List<String> bands) {
    this.items = items;
    this.bandTops = bandTops;
    this.bands = bands;
  }

  /** A scored questionnaire: the sum of its answers and the severity band of that sum. */
  public record Score(int total, String severity) {
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Instrument> fromWire(String name) {
    for (Instrument i : values()) {
      if (i.wire().equals(name)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  public int items() {
    return items;
  }

  /** The highest possible total. */
  public int maxTotal() {
    return items * 3;
  }

  /** Scores complete answers; refuses (naming the problem) a wrong number of answers or one outside 0-3. */
  public Score score(List<Integer> answers) {
    validate(answers);
    int total = 0;
    for (int a : answers) {
      total += a;
    }
    return new Score(total, severity(total));
  }

  /** The severity band of a total. */
  public String severity(int total) {
    if (total < 0 || total > maxTotal()) {
      throw new IllegalArgumentException("total: must be from 0 to " + maxTotal());
    }
    for (int i = 0; i < bandTops.length; i++) {
      if (total <= bandTops[i]) {
        return bands.get(i);
      }
    }
    throw new IllegalStateException("bands do not cover " + total);
  }

  /** Whether the answers call for a risk alert at once: any answer above 0 on PHQ-9 item 9. */
  public boolean raisesRiskAlert(List<Integer> answers) {
    validate(answers);
    return this == PHQ9 && answers.get(PHQ9_RISK_ITEM - 1) > 0;
  }

  private void validate(List<Integer> answers) {
    if (answers == null || answers.size() != items) {
      throw new IllegalArgumentException("answers: " + wire() + " takes exactly " + items + " answers");
    }
    for (int i = 0; i < answers.size(); i++) {
      Integer a = answers.get(i);
      if (a == null || a < 0 || a > 3) {
        throw new IllegalArgumentException("answers: item " + (i + 1) + " must be a whole number from 0 to 3");
      }
    }
  }
}
