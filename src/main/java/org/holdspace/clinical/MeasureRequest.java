package org.holdspace.clinical;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.holdspace.core.Refusal;
import org.holdspace.core.Fields;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A completed questionnaire as a client sends it: {@code {instrument, answers, session?}} and the instrument's
 * follow-up answers by their ids ({@code difficulty?} of PHQ-9, {@code q6Recent?} of the C-SSRS screener).
 */
public record MeasureRequest(Instrument instrument, List<Integer> answers, Integer session,
                             Instrument.Result result) {

  /** Reads and scores the body; any problem is a 400 naming the field before anything is stored. */
  public static MeasureRequest fromJson(JsonObject json) {
    Instruments catalogue = Instruments.builtIn();
    Instrument instrument = catalogue.find(Fields.oneOf(json, "instrument", catalogue.ids())).orElseThrow();
    JsonArray raw = Fields.array(json, "answers", 100);
    List<Integer> answers = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      Object value = raw.getValue(i);
      if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
          || Math.abs(n.doubleValue()) > 1000) {
        throw Refusal.invalid("answers: item " + (i + 1) + " must be a whole number");
      }
      answers.add(n.intValue());
    }
    Map<String, Object> extras = new HashMap<>();
    for (Instrument.Extra e : instrument.extras()) {
      Object value = json.getValue(e.id());
      if (value == null) {
        continue;
      }
      if (e.bool()) {
        if (!(value instanceof Boolean)) {
          throw Refusal.invalid(e.id() + ": must be true or false");
        }
        extras.put(e.id(), value);
      } else {
        extras.put(e.id(), Fields.optionalInt(json, e.id(), e.min(), e.max()));
      }
    }
    Integer session = Fields.optionalInt(json, "session", 0, 1000);
    try {
      return new MeasureRequest(instrument, List.copyOf(answers), session, instrument.evaluate(answers, extras));
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid(e.getMessage());
    }
  }

  public Instrument.Score score() {
    return result.score();
  }

  /** The kinds of alert the answers raise at once ({@code phq9_item9}, {@code cssrs}). */
  public List<String> alerts() {
    return result.alerts();
  }
}
