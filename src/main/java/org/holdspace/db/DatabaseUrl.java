package org.holdspace.db;

import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A PostgreSQL address in the {@code postgres://user:pass@host:port/db?sslmode=…&sslrootcert=…} form, usable by JDBC
 * and vertx-pg-client. {@code sslmode} means what it means to libpq: {@code disable} (the default) talks in the
 * clear; {@code require} insists on TLS without checking the server's certificate (unless {@code sslrootcert} is
 * given, which then checks it as {@code verify-ca} does); {@code verify-ca} wants a certificate signed by the CA in
 * {@code sslrootcert} (a PEM file); {@code verify-full} also wants the certificate to name the host.
 */
public record DatabaseUrl(String host, int port, String database, String user, String password, String sslMode,
                          Optional<String> sslRootCert) {
  /** The {@code sslmode} values understood, as libpq spells them. */
  public static final List<String> SSL_MODES = List.of("disable", "require", "verify-ca", "verify-full");

  /** An address over a connection in the clear. */
  public DatabaseUrl(String host, int port, String database, String user, String password) {
    this(host, port, database, user, password, "disable", Optional.empty());
  }

  /** Parses the URL form; the message of the exception says what is wrong, never the password. */
  public static DatabaseUrl parse(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("is not a URL of the form postgres://user:pass@host:port/db");
    }
    if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
      throw new IllegalArgumentException("must start with postgres://");
    }
    // The authority is split by hand: java.net.URI gives no host for names such as "holdspace_db", which
    // container networks use for services.
    String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
    int at = authority.lastIndexOf('@');
    String userInfo = at < 0 ? null : authority.substring(0, at);
    String hostAndPort = authority.substring(at + 1);
    String host;
    String portText;
    if (hostAndPort.startsWith("[")) {
      int close = hostAndPort.indexOf(']');
      host = close < 0 ? "" : hostAndPort.substring(1, close);
      portText = close < 0 ? "" : hostAndPort.substring(close + 1);
    } else {
      int colon = hostAndPort.lastIndexOf(':');
      host = colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
      portText = colon < 0 ? "" : hostAndPort.substring(colon);
    }
    if (host.isEmpty()) {
      throw new IllegalArgumentException("must name a host");
    }
    int port = 5432;
    if (!portText.isEmpty() && !portText.equals(":")) {
      if (!portText.matches(":\\d{1,5}") || Integer.parseInt(portText.substring(1)) < 1
          || Integer.parseInt(portText.substring(1)) > 65535) {
        throw new IllegalArgumentException("must have a port from 1 to 65535 after the host");
      }
      port = Integer.parseInt(portText.substring(1));
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String database = decode(path.startsWith("/") ? path.substring(1) : path);
    if (database.isEmpty()) {
      throw new IllegalArgumentException("must name a database after the host");
    }
    String user = "postgres";
    String password = "";
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
      password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
    }
    String sslMode = "disable";
    Optional<String> sslRootCert = Optional.empty();
    String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      switch (name) {
        case "sslmode" -> sslMode = value;
        case "sslrootcert" -> sslRootCert = value.isEmpty() ? Optional.empty() : Optional.of(value);
        // a misspelt parameter (sslmod=require) must not silently leave the connection in the clear
        default -> throw new IllegalArgumentException("has an unknown parameter '" + name
            + "': only sslmode and sslrootcert are understood");
      }
    }
    if (!SSL_MODES.contains(sslMode)) {
      throw new IllegalArgumentException("has sslmode '" + sslMode + "'; it must be one of " + SSL_MODES);
    }
    if (sslMode.startsWith("verify") && sslRootCert.isEmpty()) {
      throw new IllegalArgumentException("has sslmode=" + sslMode + ", which needs sslrootcert=<PEM file of the CA>");
    }
    if (sslRootCert.isPresent() && !Files.isReadable(Path.of(sslRootCert.get()))) {
      throw new IllegalArgumentException("has sslrootcert naming no readable file: " + sslRootCert.get());
    }
    if (sslMode.equals("disable") && sslRootCert.isPresent()) {
      throw new IllegalArgumentException("has sslrootcert with sslmode=disable; set sslmode=verify-full to use it");
    }
    return new DatabaseUrl(host, port, database, user, password, sslMode, sslRootCert);
  }

  /** Percent-decoding as URLs use it: unlike form encoding, a '+' stays a '+'. */
  private static String decode(String s) {
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("has a malformed %-escape");
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + hostForUrl() + ":" + port + "/" + database + sslQuery();
  }

  /** The TLS parameters as a query, empty in the clear; pgjdbc and this class read them alike. */
  private String sslQuery() {
    if (sslMode.equals("disable")) {
      return "";
    }
    return "?sslmode=" + sslMode + sslRootCert.map(path -> "&sslrootcert=" + enc(path)).orElse("");
  }

  /** The host as a URL writes it: an IPv6 address goes in brackets. */
  private String hostForUrl() {
    return host.contains(":") ? "[" + host + "]" : host;
  }

  public PgConnectOptions connectOptions() {
    PgConnectOptions options = new PgConnectOptions()
        .setHost(host)
        .setPort(port)
        .setDatabase(database)
        .setUser(user)
        .setPassword(password)
        .setCachePreparedStatements(true)
        .setPipeliningLimit(256);
    if (sslMode.equals("disable")) {
      return options.setSslMode(SslMode.DISABLE);
    }
    ClientSSLOptions ssl = new ClientSSLOptions();
    sslRootCert.ifPresentOrElse(ca -> ssl.setTrustOptions(new PemTrustOptions().addCertPath(ca)),
        () -> ssl.setTrustAll(true));
    // verify-full checks that the certificate names the host, as HTTPS does; the other modes check no name
    ssl.setHostnameVerificationAlgorithm(sslMode.equals("verify-full") ? "HTTPS" : "");
    SslMode mode = sslMode.equals("require") && sslRootCert.isPresent() ? SslMode.VERIFY_CA : SslMode.of(sslMode);
    return options.setSslMode(mode).setSslOptions(ssl);
  }

  /** The same server and credentials, another database. */
  public DatabaseUrl withDatabase(String otherDatabase) {
    return new DatabaseUrl(host, port, otherDatabase, user, password, sslMode, sslRootCert);
  }

  /** The URL form again, for handing to another process or a test server. */
  public String toUrl() {
    return "postgres://" + enc(user) + ":" + enc(password) + "@" + hostForUrl() + ":" + port + "/" + enc(database)
        + sslQuery();
  }

  /** Percent-encoding that {@link #decode} reverses: a space becomes %20, never '+'. */
  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public String toString() {
    return "postgres://" + user + "@" + hostForUrl() + ":" + port + "/" + database
        + (sslMode.equals("disable") ? "" : "?sslmode=" + sslMode);
  }
}
