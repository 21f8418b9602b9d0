package org.holdspace.protocol;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A session plan template: how many sessions a course may have, how many members, and how many sessions
 * the initial and termination phases take. Protocols are data, read from {@code protocols/protocols.json}.
 */
public record Protocol(String name, int minSessions, int maxSessions, int maxMembers,
                       int initialSessions, int terminationSessions) {

  private static final Map<String, Protocol> ALL = load();

  public static Optional<Protocol> named(String name) {
    return Optional.ofNullable(ALL.get(name));
  }

  public static java.util.Set<String> names() {
    return ALL.keySet();
  }

  /** The phase of session {@code number} (1-based) in a course of {@code sessionCount} sessions. */
  public Phase phaseOf(int number, int sessionCount) {
    if (number <= initialSessions) {
      return Phase.INITIAL;
    }
    if (number > sessionCount - terminationSessions) {
      return Phase.TERMINATION;
    }
    return Phase.MIDDLE;
  }

  private static Map<String, Protocol> load() {
    try (InputStream in = Protocol.class.getResourceAsStream("/protocols/protocols.json")) {
      if (in == null) {
        throw new IllegalStateException("protocols/protocols.json is missing from the classpath");
      }
      JsonObject json = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      Map<String, Protocol> protocols = new LinkedHashMap<>();
      for (String name : json.fieldNames()) {
        JsonObject p = json.getJsonObject(name);
        protocols.put(name, new Protocol(name, p.getInteger("minSessions"), p.getInteger("maxSessions"),
            p.getInteger("maxMembers"), p.getInteger("initialSessions"), p.getInteger("terminationSessions")));
      }
      return Map.copyOf(protocols);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
