package org.holdspace.bench;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StorageSyncTest {

  @Test
  @DisplayName("The probe syncs in the given directory, leaves nothing behind and reports ordered percentiles")
  void probe(@TempDir Path dir) throws Exception {
    JsonObject sync = StorageSync.probe(dir, 0.3);
    assertTrue(sync.getLong("syncs") > 0, sync::encode);
    assertTrue(sync.getDouble("p50Ms") <= sync.getDouble("p99Ms"), sync::encode);
    assertTrue(sync.getDouble("p99Ms") <= sync.getDouble("p999Ms"), sync::encode);
    assertTrue(sync.getDouble("p999Ms") <= sync.getDouble("maxMs"), sync::encode);
    try (var left = Files.list(dir)) {
      assertEquals(0, left.count());
    }
  }

  @Test
  @DisplayName("The report states the sync latencies in milliseconds")
  void reported() {
    Histogram micros = new Histogram();
    for (long us : new long[] {150, 160, 170, 90_000}) {
      micros.record(us);
    }
    String line = Report.storageSync(StorageSync.summary(micros, 10));
    assertTrue(line.contains("4 syncs of 8 kB"), line);
    assertTrue(line.contains("at most 90.0 ms"), line);
    assertEquals("", Report.storageSync(null));
  }
}
