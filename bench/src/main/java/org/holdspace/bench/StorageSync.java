package org.holdspace.bench;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * How long the disk under the servers' data takes to make a write durable: 8 kB written and synced (fdatasync, as
 * PostgreSQL syncs its WAL at each commit) over and over for a few seconds, in the directory the servers' data goes
 * to. Holdspace commits every batch before delivering it, so a sync that stalls delays every message waiting on it;
 * the in-memory peers never wait on the disk. Measured before the sweep, on a quiet machine.
 */
final class StorageSync {
  private static final int BLOCK = 8192;
  private static final int BLOCKS = 128;

  private StorageSync() {
  }

  static JsonObject probe(Path dir, double seconds) throws IOException {
    Path file = Files.createTempFile(dir, "sync-probe-", ".bin");
    Histogram micros = new Histogram();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ByteBuffer block = ByteBuffer.allocate(BLOCK);
      long end = System.nanoTime() + (long) (seconds * 1e9);
      for (int i = 0; System.nanoTime() < end; i++) {
        block.clear();
        channel.write(block, (long) (i % BLOCKS) * BLOCK);
        long start = System.nanoTime();
        channel.force(false);
        micros.record((System.nanoTime() - start) / 1000);
      }
    } finally {
      Files.deleteIfExists(file);
    }
    return summary(micros, seconds);
  }

  static JsonObject summary(Histogram micros, double seconds) {
    return new JsonObject().put("seconds", seconds).put("syncs", micros.count())
        .put("p50Ms", micros.percentile(0.5) / 1000.0).put("p99Ms", micros.percentile(0.99) / 1000.0)
        .put("p999Ms", micros.percentile(0.999) / 1000.0).put("maxMs", micros.max() / 1000.0);
  }
}
