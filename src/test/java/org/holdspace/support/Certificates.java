package org.holdspace.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Throw-away PEM certificates made with {@code openssl} for tests: a self-signed CA, and certificates it signs for a
 * list of subject alternative names. Keys are unencrypted PKCS#8 and owner-only (PostgreSQL insists on that).
 */
public final class Certificates {
  /** A certificate authority: its certificate and key files. */
  public record Ca(Path cert, Path key) {
  }

  /** A certificate signed by a CA, and its key. */
  public record Signed(Path cert, Path key) {
  }

  private Certificates() {
  }

  /** A new self-signed CA in {@code folder}, its files named after {@code name}. */
  public static Ca ca(Path folder, String name) {
    Path cert = folder.resolve(name + ".crt");
    Path key = folder.resolve(name + ".key");
    openssl(folder, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "2", "-subj",
        "/CN=" + name, "-keyout", key.toString(), "-out", cert.toString());
    return new Ca(cert, ownerOnly(key));
  }

  /**
   * A certificate for {@code names} (each a {@code DNS:…} or {@code IP:…} entry), signed by {@code ca}, usable by a
   * server and by a client.
   */
  public static Signed signed(Path folder, String name, Ca ca, String... names) {
    Path key = folder.resolve(name + ".key");
    Path csr = folder.resolve(name + ".csr");
    Path cert = folder.resolve(name + ".crt");
    Path ext = folder.resolve(name + ".ext");
    try {
      Files.writeString(ext, "subjectAltName=" + String.join(",", names) + "\n"
          + "extendedKeyUsage=serverAuth,clientAuth\nbasicConstraints=CA:FALSE\n", StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    openssl(folder, "req", "-newkey", "rsa:2048", "-nodes", "-sha256", "-subj", "/CN=" + name,
        "-keyout", key.toString(), "-out", csr.toString());
    openssl(folder, "x509", "-req", "-in", csr.toString(), "-CA", ca.cert().toString(), "-CAkey",
        ca.key().toString(), "-CAcreateserial", "-days", "2", "-sha256", "-extfile", ext.toString(),
        "-out", cert.toString());
    return new Signed(cert, ownerOnly(key));
  }

  private static Path ownerOnly(Path key) {
    try {
      Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void openssl(Path folder, String... args) {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("openssl " + String.join(" ", args) + " failed:\n" + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
