package org.holdspace.config;

/**
 * OpenID Connect sign-in: the provider's issuer URL (discovery is read from it), this server's client, and the
 * provider's name as the sign-in page shows it ("Sign in with {name}").
 */
public record Oidc(String issuer, String clientId, String clientSecret, String name) {
}
