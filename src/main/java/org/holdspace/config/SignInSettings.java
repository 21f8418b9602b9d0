package org.holdspace.config;

import org.holdspace.core.Role;

import java.util.List;
import java.util.Optional;

/** The sign-in settings read beside {@link Config}: OpenID Connect, and the roles that must use TOTP. */
final class SignInSettings {
  private SignInSettings() {
  }

  /** OpenID Connect when its three keys are set; none when none is; a start-up error naming the key otherwise. */
  static Optional<Oidc> oidc(Settings s) {
    List<String> keys = List.of("oidcIssuer", "oidcClientId", "oidcClientSecret");
    List<Optional<String>> values = keys.stream().map(s::optionalString).toList();
    if (values.stream().allMatch(Optional::isEmpty)) {
      return Optional.empty();
    }
    for (int i = 0; i < keys.size(); i++) {
      if (values.get(i).isEmpty()) {
        throw new ConfigException("Configuration key '" + keys.get(i) + "' (" + Settings.envName(keys.get(i))
            + ") is needed with the other OpenID Connect keys " + keys);
      }
    }
    if (!values.get(0).get().matches("https?://\\S+")) {
      throw new ConfigException("Configuration key 'oidcIssuer' (HOLDSPACE_OIDC_ISSUER) must be an http(s) URL");
    }
    String issuer = values.get(0).get();
    String name = s.optionalString("oidcName").orElse(java.net.URI.create(issuer).getHost());
    return Optional.of(new Oidc(issuer, values.get(1).get(), values.get(2).get(), name));
  }

  /** Refuses a {@code requireTotpFor} entry that names no role. */
  static void checkRoles(List<String> roles) {
    for (String role : roles) {
      if (!Role.NAMES.contains(role)) {
        throw new ConfigException("Configuration key 'requireTotpFor' (HOLDSPACE_REQUIRE_TOTP_FOR) must list roles of "
            + Role.NAMES + ", got '" + role + "'");
      }
    }
  }
}
