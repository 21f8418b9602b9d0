package org.holdspace.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Raw configuration values: an environment variable wins over the key in {@code config/holdspace.json}.
 * Each typed read validates the value and names the key and its variable when it is unusable.
 */
final class Settings {
  private final JsonObject file;
  private final Map<String, String> env;

  Settings(JsonObject file, Map<String, String> env, Set<String> knownKeys) {
    this.file = file;
    this.env = env;
    for (String key : file.fieldNames()) {
      if (!knownKeys.contains(key)) {
        throw new ConfigException("Unknown configuration key '" + key + "'");
      }
    }
  }

  /** The environment variable for a key: httpPort is HOLDSPACE_HTTP_PORT; databaseUrl is DATABASE_URL. */
  static String envName(String key) {
    if (key.equals("databaseUrl")) {
      return "DATABASE_URL";
    }
    return "HOLDSPACE_" + key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }

  private Object raw(String key) {
    String fromEnv = env.get(envName(key));
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.trim();
    }
    return file.getValue(key);
  }

  private ConfigException bad(String key, String why) {
    return new ConfigException("Configuration key '" + key + "' (" + envName(key) + ") " + why);
  }

  Optional<String> optionalString(String key) {
    Object value = raw(key);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String s)) {
      throw bad(key, "must be a string");
    }
    return s.isBlank() ? Optional.empty() : Optional.of(s);
  }

  /** A path that must name a readable file when set. */
  Optional<java.nio.file.Path> readableFile(String key) {
    Optional<String> value = optionalString(key);
    if (value.isPresent() && !java.nio.file.Files.isReadable(java.nio.file.Path.of(value.get()))) {
      throw bad(key, "names no readable file: " + value.get());
    }
    return value.map(java.nio.file.Path::of);
  }

  String string(String key, String fallback) {
    return optionalString(key).orElse(fallback);
  }

  int integer(String key, int fallback, int min, int max) {
    Object value = raw(key);
    if (value == null) {
      return fallback;
    }
    long parsed;
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      parsed = n.longValue();
    } else if (value instanceof String s && s.matches("-?\\d{1,10}")) {
      parsed = Long.parseLong(s);
    } else {
      throw bad(key, "must be a whole number, got '" + value + "'");
    }
    if (parsed < min || parsed > max) {
      throw bad(key, "must be between " + min + " and " + max + ", got " + parsed);
    }
    return (int) parsed;
  }

  /** A number that may have a fraction (from JSON or an environment variable). */
  double decimal(String key, double fallback, double min, double max) {
    Object value = raw(key);
    if (value == null) {
      return fallback;
    }
    double parsed;
    if (value instanceof Number n) {
      parsed = n.doubleValue();
    } else if (value instanceof String s && s.matches("-?\\d{1,10}(\\.\\d{1,10})?")) {
      parsed = Double.parseDouble(s);
    } else {
      throw bad(key, "must be a number, got '" + value + "'");
    }
    if (!(parsed >= min && parsed <= max)) {
      throw bad(key, "must be between " + min + " and " + max + ", got " + parsed);
    }
    return parsed;
  }

  /** A list of JSON objects: a JSON array in the file, or the same array as JSON text in the environment variable. */
  List<JsonObject> objects(String key) {
    Object value = raw(key);
    if (value == null) {
      return List.of();
    }
    JsonArray array;
    if (value instanceof JsonArray a) {
      array = a;
    } else if (value instanceof String s) {
      try {
        array = new JsonArray(s);
      } catch (RuntimeException e) {
        throw bad(key, "must be a JSON array of objects");
      }
    } else {
      throw bad(key, "must be a list of objects");
    }
    List<JsonObject> items = new ArrayList<>();
    for (Object item : array) {
      if (!(item instanceof JsonObject o)) {
        throw bad(key, "must list objects only");
      }
      items.add(o);
    }
    return List.copyOf(items);
  }

  /** The message of a bad value of the key, for checks made outside this class. */
  ConfigException invalid(String key, String why) {
    return bad(key, why);
  }

  boolean bool(String key, boolean fallback) {
    Object value = raw(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(s);
    }
    throw bad(key, "must be true or false, got '" + value + "'");
  }

  /** A list from a JSON array of strings, or from a comma-separated string (the form environment variables use). */
  List<String> list(String key) {
    Object value = raw(key);
    if (value == null) {
      return List.of();
    }
    List<String> items = new ArrayList<>();
    if (value instanceof JsonArray array) {
      for (Object item : array) {
        if (!(item instanceof String s)) {
          throw bad(key, "must list strings only");
        }
        items.add(s.trim());
      }
    } else if (value instanceof String s) {
      Arrays.stream(s.split(",")).map(String::trim).forEach(items::add);
    } else {
      throw bad(key, "must be a list of strings");
    }
    items.removeIf(String::isEmpty);
    return List.copyOf(items);
  }
}
