package org.holdspace.config;

/** OpenID Connect sign-in: the provider's issuer URL (discovery is read from it) and this server's client. */
public record Oidc(String issuer, String clientId, String clientSecret) {
}
