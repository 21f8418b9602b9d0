package org.holdspace.auth;

import org.holdspace.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** The token signing secret: configured, or generated once and kept in the data folder. Blocking. */
public final class JwtSecret {
  private static final Logger LOG = LoggerFactory.getLogger(JwtSecret.class);

  private JwtSecret() {
  }

  public static String resolve(Config config) {
    if (config.jwtSecret().isPresent()) {
      return config.jwtSecret().get();
    }
    Path file = config.dataDir().resolve("jwt-secret");
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).trim();
      }
      Files.createDirectories(config.dataDir());
      byte[] bytes = new byte[48];
      new SecureRandom().nextBytes(bytes);
      String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      // Created owner-only from the start: writing first and restricting after leaves a moment in which
      // other local users may read the secret under a usual umask.
      try {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        LOG.debug("File permissions not supported here");
        Files.createFile(file);
      }
      Files.writeString(file, secret, StandardCharsets.UTF_8);
      LOG.warn("No HOLDSPACE_JWT_SECRET set: generated a development secret in {}", file);
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read or write the token secret in " + file, e);
    }
  }
}
