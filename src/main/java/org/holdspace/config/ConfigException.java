package org.holdspace.config;

/** A configuration value that cannot be used; the message names the key and the environment variable. */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
