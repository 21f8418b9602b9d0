package org.holdspace.ops;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The image that {@code mvn -Pimage package} writes, read back from its tarball: its entry point, user, port, volume
 * and heap sizing. Without the tarball (the profile did not run, or its base image could not be fetched) it is
 * skipped, saying so.
 */
@DisplayName("The container image")
class ImageTest {
  private static final Path TARBALL = Path.of("target/holdspace-image.tar");

  @Test
  @DisplayName("runs Main as a non-root user, exposes 8080, keeps /data and sizes the heap by the container")
  void imageConfig() throws IOException {
    assumeTrue(Files.isRegularFile(TARBALL), "no " + TARBALL + ": run `mvn -Pimage package` (it needs the base "
        + "image's registry) to build the image and check it");
    Map<String, byte[]> entries = entries(TARBALL);
    JsonObject config = new JsonObject(text(entries, configPath(entries))).getJsonObject("config");
    String entrypoint = config.getJsonArray("Entrypoint").encode();
    assertTrue(entrypoint.contains("org.holdspace.Main"), entrypoint);
    assertTrue(entrypoint.contains("-XX:MaxRAMPercentage=75"), entrypoint);
    String user = config.getString("User");
    assertTrue(user != null && !user.isBlank() && !user.startsWith("0") && !user.startsWith("root"), "user " + user);
    assertTrue(config.getJsonObject("ExposedPorts").containsKey("8080/tcp"), config.encode());
    assertTrue(config.getJsonObject("Volumes").containsKey("/data"), config.encode());
    assertTrue(config.getJsonArray("Env").contains("HOLDSPACE_DATA_DIR=/data"), config.encode());
  }

  @Test
  @DisplayName("gives its user a passwd entry and a /data folder it can write, as the embedded database needs")
  void userAndDataFolder() throws IOException {
    assumeTrue(Files.isRegularFile(TARBALL), "no " + TARBALL + ": run `mvn -Pimage package` to build the image");
    Map<String, byte[]> entries = entries(TARBALL);
    Map<String, Entry> files = new HashMap<>();
    for (Object layer : manifest(entries).getJsonArray("layers")) {
      JsonObject descriptor = (JsonObject) layer;
      byte[] blob = entries.get(blob(descriptor));
      if (blob != null) {
        files.putAll(layerEntries(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(blob))));
      }
    }
    Entry passwd = files.get("etc/passwd");
    assertTrue(passwd != null, "the image has /etc/passwd in its own layers");
    assertTrue(new String(passwd.content(), StandardCharsets.UTF_8).contains(":10001:10001:"),
        "user 10001 has a passwd entry (initdb refuses a user it cannot look up)");
    Entry data = files.get("data/");
    assertTrue(data != null, "the image has a /data folder: " + files.keySet());
    assertEquals(0777, data.mode() & 0777, "anyone may write /data, so a new volume is writable by user 10001");
  }

  /** One file of a layer: its mode and, for a small one, its content. */
  private record Entry(int mode, byte[] content) {
  }

  private static JsonObject manifest(Map<String, byte[]> entries) {
    String manifest = blob(new JsonObject(text(entries, "index.json")).getJsonArray("manifests").getJsonObject(0));
    return new JsonObject(text(entries, manifest));
  }

  private static Map<String, Entry> layerEntries(InputStream in) throws IOException {
    Map<String, Entry> files = new HashMap<>();
    byte[] header = new byte[512];
    String longName = null;
    while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
      String name = longName != null ? longName : field(header, 0, 100);
      longName = null;
      String sizeField = field(header, 124, 12).trim();
      long size = sizeField.isEmpty() ? 0 : Long.parseLong(sizeField, 8);
      int mode = Integer.parseInt(field(header, 100, 8).trim().isEmpty() ? "0" : field(header, 100, 8).trim(), 8);
      byte[] content = size < 1_000_000 ? in.readNBytes((int) size) : new byte[0];
      if (size >= 1_000_000) {
        in.skipNBytes(size);
      }
      in.skipNBytes((size + 511) / 512 * 512 - size);
      if (header[156] == 'L') {
        longName = new String(content, StandardCharsets.UTF_8).trim();
      } else if (header[156] != 'x' && header[156] != 'g') {
        files.put(name.replaceFirst("^\\./", "").replaceFirst("^/", ""), new Entry(mode, content));
      }
    }
    return files;
  }

  /** The image config's path: through manifest.json (Docker layout) or index.json (OCI layout). */
  private static String configPath(Map<String, byte[]> entries) {
    if (entries.containsKey("manifest.json")) {
      return new JsonArray(text(entries, "manifest.json")).getJsonObject(0).getString("Config");
    }
    String manifest = blob(new JsonObject(text(entries, "index.json")).getJsonArray("manifests").getJsonObject(0));
    return blob(new JsonObject(text(entries, manifest)).getJsonObject("config"));
  }

  private static String blob(JsonObject descriptor) {
    return "blobs/" + descriptor.getString("digest").replace(':', '/');
  }

  private static String text(Map<String, byte[]> entries, String name) {
    byte[] bytes = entries.get(name);
    assertTrue(bytes != null, "the tarball holds " + name + "; it holds " + entries.keySet());
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The small entries of a (ustar) tarball by name; layers are skipped. */
  private static Map<String, byte[]> entries(Path tar) throws IOException {
    Map<String, byte[]> entries = new HashMap<>();
    try (InputStream in = Files.newInputStream(tar)) {
      byte[] header = new byte[512];
      while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
        String name = field(header, 0, 100);
        String prefix = field(header, 345, 155);
        long size = Long.parseLong(field(header, 124, 12).trim().isEmpty() ? "0" : field(header, 124, 12).trim(), 8);
        long padded = (size + 511) / 512 * 512;
        if (size < 1_000_000) {
          ByteArrayOutputStream content = new ByteArrayOutputStream();
          content.write(in.readNBytes((int) size));
          in.skipNBytes(padded - size);
          entries.put((prefix.isEmpty() ? "" : prefix + "/") + name.replaceFirst("^\\./", ""), content.toByteArray());
        } else {
          in.skipNBytes(padded);
        }
      }
    }
    assertEquals(false, entries.isEmpty(), "the tarball has entries");
    return entries;
  }

  private static String field(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
  }
}
