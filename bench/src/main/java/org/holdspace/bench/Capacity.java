package org.holdspace.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each server's capacity in a sweep: the most deliveries per second it sustained with no loss and p99 at or below
 * {@link #P99_LIMIT_MS}, and Holdspace's capacity against each peer's. A run that failed, lost anything or was
 * disturbed by other processes does not count.
 */
final class Capacity {
  static final double P99_LIMIT_MS = 100;

  private Capacity() {
  }

  /** {@code [{server, deliveriesPerSecond, p99Ms, cores, clients, rate}]}, one per server that sustained any load. */
  static JsonArray of(JsonArray runs) {
    Map<String, JsonObject> best = new LinkedHashMap<>();
    for (Object o : runs) {
      JsonObject r = (JsonObject) o;
      if (!sustained(r)) {
        continue;
      }
      double delivered = r.getDouble("deliveredPerSecond");
      JsonObject known = best.get(r.getString("server"));
      if (known == null || delivered > known.getDouble("deliveriesPerSecond")) {
        best.put(r.getString("server"), new JsonObject()
            .put("server", r.getString("server"))
            .put("deliveriesPerSecond", delivered)
            .put("p99Ms", r.getJsonObject("latencyMs").getDouble("p99"))
            .put("cores", r.getDouble("serverCores"))
            .put("clients", r.getInteger("clients"))
            .put("rate", r.getDouble("rate")));
      }
    }
    JsonArray out = new JsonArray();
    best.values().forEach(out::add);
    return out;
  }

  /** Holdspace's capacity divided by each peer's: {@code [{holdspace, peer, ratio}]}. */
  static JsonArray ratios(JsonArray capacities) {
    JsonArray out = new JsonArray();
    for (Object h : capacities) {
      JsonObject holdspace = (JsonObject) h;
      if (!holdspace.getString("server").startsWith("holdspace")) {
        continue;
      }
      for (Object p : capacities) {
        JsonObject peer = (JsonObject) p;
        if (!peer.getString("server").startsWith("holdspace")) {
          out.add(new JsonObject().put("holdspace", holdspace.getString("server")).put("peer", peer.getString("server"))
              .put("ratio", LoadRun.round(holdspace.getDouble("deliveriesPerSecond")
                  / peer.getDouble("deliveriesPerSecond"), 2)));
        }
      }
    }
    return out;
  }

  private static boolean sustained(JsonObject r) {
    return !r.containsKey("failed") && !r.getBoolean("contended", false) && r.getLong("loss", 1L) == 0
        && r.getJsonObject("latencyMs") != null && r.getJsonObject("latencyMs").getDouble("p99") <= P99_LIMIT_MS;
  }
}
