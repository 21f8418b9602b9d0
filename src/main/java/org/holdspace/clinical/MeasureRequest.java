package org.holdspace.clinical;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.holdspace.core.Refusal;
import org.holdspace.core.Fields;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A completed questionnaire as a client sends it: {@code {instrument, answers, session?}}. */
public record MeasureRequest(Instrument instrument, List<Integer> answers, Integer session,
                             Instrument.Score score) {
  private static final Set<String> INSTRUMENTS = Set.of("phq9", "gad7");

  /** Reads and scores the body; any problem is a 400 naming the field before anything is stored. */
  public static MeasureRequest fromJson(JsonObject json) {
    Instrument instrument = Instrument.fromWire(Fields.oneOf(json, "instrument", INSTRUMENTS)).orElseThrow();
    JsonArray raw = Fields.array(json, "answers", 100);
    List<Integer> answers = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      Object value = raw.getValue(i);
      if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
          || n.doubleValue() < 0 || n.doubleValue() > 3) {
        throw Refusal.invalid("answers: item " + (i + 1) + " must be a whole number from 0 to 3");
      }
      answers.add(n.intValue());
    }
    Integer session = Fields.optionalInt(json, "session", 0, 1000);
    try {
      return new MeasureRequest(instrument, List.copyOf(answers), session, instrument.score(answers));
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid(e.getMessage());
    }
  }

  public boolean raisesRiskAlert() {
    return instrument.raisesRiskAlert(answers);
  }
}
