package org.holdspace.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Holdspace against each peer at the same load point of the same sweep, as ratios Holdspace / peer: deliveries
 * per second (above 1 is better for Holdspace), p99 latency and server CPU (below 1 is better for Holdspace).
 */
final class Ratios {
  private Ratios() {
  }

  static JsonArray of(JsonArray runs) {
    JsonArray out = new JsonArray();
    for (int i = 0; i < runs.size(); i++) {
      JsonObject h = runs.getJsonObject(i);
      if (!h.getString("server").startsWith("holdspace") || h.containsKey("failed")) {
        continue;
      }
      for (int j = 0; j < runs.size(); j++) {
        JsonObject p = runs.getJsonObject(j);
        if (p == h || p.getString("server").startsWith("holdspace") || p.containsKey("failed")
            || !p.getInteger("clients").equals(h.getInteger("clients")) || !p.getDouble("rate").equals(h.getDouble("rate"))
            || !p.getInteger("roomSize").equals(h.getInteger("roomSize"))) {
          continue;
        }
        out.add(new JsonObject()
            .put("clients", h.getInteger("clients"))
            .put("rate", h.getDouble("rate"))
            .put("holdspace", h.getString("server"))
            .put("peer", p.getString("server"))
            .put("delivered", ratio(h.getDouble("deliveredPerSecond"), p.getDouble("deliveredPerSecond")))
            .put("p50", ratio(h.getJsonObject("latencyMs").getDouble("p50"), p.getJsonObject("latencyMs").getDouble("p50")))
            .put("p99", ratio(h.getJsonObject("latencyMs").getDouble("p99"), p.getJsonObject("latencyMs").getDouble("p99")))
            .put("serverCpu", ratio(h.getDouble("serverCores"), p.getDouble("serverCores")))
            .put("memory", ratio(h.getDouble("serverPeakMemoryMb"), p.getDouble("serverPeakMemoryMb")))
            .put("contended", h.getBoolean("contended") || p.getBoolean("contended")));
      }
    }
    return out;
  }

  static Double ratio(double a, double b) {
    return b == 0 ? null : LoadRun.round(a / b, 3);
  }
}
