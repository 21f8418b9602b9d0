package org.holdspace.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CapacityTest {

  private static JsonObject run(String server, double delivered, double p99, long loss, boolean contended) {
    return new JsonObject().put("server", server).put("clients", 1000).put("rate", delivered / 10_000)
        .put("deliveredPerSecond", delivered).put("loss", loss).put("contended", contended).put("serverCores", 0.9)
        .put("latencyMs", new JsonObject().put("p99", p99));
  }

  @Test
  @DisplayName("Capacity is the highest load with no loss and p99 within 100 ms; lossy, slow and disturbed runs do not count")
  void highestSustainedLoad() {
    JsonArray runs = new JsonArray()
        .add(run("holdspace", 10_000, 4, 0, false))
        .add(run("holdspace", 30_000, 99.9, 0, false))
        .add(run("holdspace", 50_000, 392, 0, false))
        .add(run("socketio", 30_000, 16, 0, false))
        .add(run("socketio", 50_000, 20, 3, false))
        .add(run("ws", 50_000, 4, 0, true))
        .add(run("ws", 30_000, 3, 0, false));
    JsonArray capacity = Capacity.of(runs);
    assertEquals(3, capacity.size());
    assertEquals(30_000, capacity.getJsonObject(0).getDouble("deliveriesPerSecond"));
    assertEquals(30_000, capacity.getJsonObject(1).getDouble("deliveriesPerSecond"), "a lossy run does not count");
    assertEquals(30_000, capacity.getJsonObject(2).getDouble("deliveriesPerSecond"), "a disturbed run does not count");
    JsonArray ratios = Capacity.ratios(capacity);
    assertEquals(2, ratios.size());
    assertEquals(1.0, ratios.getJsonObject(0).getDouble("ratio"));
  }
}
