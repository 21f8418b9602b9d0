package org.holdspace.clinical;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The questionnaires the server accepts, read once from {@code instruments/instruments.json}: what the measures call
 * scores with and what {@code GET /api/instruments} serves to the web client's forms. A malformed file stops the start.
 */
public final class Instruments {
  private static final String RESOURCE = "/instruments/instruments.json";
  private static Instruments builtIn;

  private final Map<String, Instrument> byId;
  private final JsonArray wire;

  private Instruments(Map<String, Instrument> byId, JsonArray wire) {
    this.byId = byId;
    this.wire = wire;
  }

  /** The instruments of the resource file. */
  public static synchronized Instruments builtIn() {
    if (builtIn == null) {
      Instruments parsed = parse(read());
      // Parsing may initialise Instrument, whose constants ask for the built-in set again (on this thread, inside
      // this lock): keep the set they took, so that Instrument.PHQ9 is the instance every lookup answers.
      if (builtIn == null) {
        builtIn = parsed;
      }
    }
    return builtIn;
  }

  /** The instruments of a file's content: {@code {instruments:[…]}}. */
  static Instruments parse(JsonObject file) {
    Map<String, Instrument> byId = new LinkedHashMap<>();
    JsonArray wire = new JsonArray();
    for (Object o : file.getJsonArray("instruments")) {
      JsonObject json = (JsonObject) o;
      Instrument instrument = instrument(json);
      if (byId.put(instrument.wire(), instrument) != null) {
        throw new IllegalStateException(RESOURCE + ": instrument " + instrument.wire() + " twice");
      }
      wire.add(json.copy());
    }
    return new Instruments(byId, wire);
  }

  public Optional<Instrument> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  Instrument require(String id) {
    return find(id).orElseThrow(() -> new IllegalStateException(RESOURCE + ": no instrument " + id));
  }

  public Set<String> ids() {
    return byId.keySet();
  }

  /** {@code [{id, name, items:[{text, min, max}], bands, scored, …}]} as in the file. */
  public JsonArray toJson() {
    return wire.copy();
  }

  private static JsonObject read() {
    try (InputStream in = Instruments.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Instrument instrument(JsonObject json) {
    String id = json.getString("id");
    List<Instrument.Item> items = new ArrayList<>();
    for (Object o : json.getJsonArray("items")) {
      JsonObject i = (JsonObject) o;
      items.add(new Instrument.Item(i.getString("text"), i.getInteger("min"), i.getInteger("max"), i.getString("loinc")));
    }
    List<Instrument.Extra> extras = new ArrayList<>();
    for (Object o : json.getJsonArray("extras", new JsonArray())) {
      JsonObject e = (JsonObject) o;
      JsonObject when = e.getJsonObject("requiredWhen");
      extras.add(new Instrument.Extra(e.getString("id"), "boolean".equals(e.getString("type")), e.getInteger("min"),
          e.getInteger("max"), when == null ? null : condition(when)));
    }
    List<Instrument.Band> bands = new ArrayList<>();
    for (Object o : json.getJsonArray("bands")) {
      JsonObject b = (JsonObject) o;
      bands.add(new Instrument.Band(b.getString("label"), b.getInteger("min"), b.getInteger("max")));
    }
    List<Instrument.Constraint> constraints = new ArrayList<>();
    for (Object o : json.getJsonArray("constraints", new JsonArray())) {
      JsonObject c = (JsonObject) o;
      constraints.add(new Instrument.Constraint(condition(c.getJsonObject("when")), conditions(c.getJsonArray("then")),
          c.getString("message")));
    }
    JsonObject loinc = json.getJsonObject("loinc", new JsonObject());
    return new Instrument(id, json.getString("name"), loinc.getString("total"), items, extras, bands,
        json.getBoolean("scored"), constraints, rules(json.getJsonArray("severityRules"), "severity"),
        rules(json.getJsonArray("alerts"), "kind"));
  }

  private static List<Instrument.Rule> rules(JsonArray array, String resultField) {
    List<Instrument.Rule> rules = new ArrayList<>();
    for (Object o : array == null ? new JsonArray() : array) {
      JsonObject r = (JsonObject) o;
      rules.add(new Instrument.Rule(r.getString(resultField), conditions(r.getJsonArray("when"))));
    }
    return rules;
  }

  private static List<Instrument.Condition> conditions(JsonArray array) {
    List<Instrument.Condition> list = new ArrayList<>();
    array.forEach(o -> list.add(condition((JsonObject) o)));
    return list;
  }

  private static Instrument.Condition condition(JsonObject c) {
    JsonArray severity = c.getJsonArray("severity", new JsonArray());
    return new Instrument.Condition(c.getInteger("item"), c.getInteger("min"), c.getInteger("max"),
        Map.copyOf(c.getJsonObject("extra", new JsonObject()).getMap()),
        Set.copyOf(severity.stream().map(String::valueOf).toList()));
  }
}
