package org.holdspace.db;

import io.vertx.pgclient.PgConnectOptions;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** A PostgreSQL address in the {@code postgres://user:pass@host:port/db} form, usable by JDBC and vertx-pg-client. */
public record DatabaseUrl(String host, int port, String database, String user, String password) {

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
    return new DatabaseUrl(host, port, database, user, password);
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
    return "jdbc:postgresql://" + hostForUrl() + ":" + port + "/" + database;
  }

  /** The host as a URL writes it: an IPv6 address goes in brackets. */
  private String hostForUrl() {
    return host.contains(":") ? "[" + host + "]" : host;
  }

  public PgConnectOptions connectOptions() {
    return new PgConnectOptions()
        .setHost(host)
        .setPort(port)
        .setDatabase(database)
        .setUser(user)
        .setPassword(password)
        .setCachePreparedStatements(true)
        .setPipeliningLimit(256);
  }

  /** The same server and credentials, another database. */
  public DatabaseUrl withDatabase(String otherDatabase) {
    return new DatabaseUrl(host, port, otherDatabase, user, password);
  }

  /** The URL form again, for handing to another process or a test server. */
  public String toUrl() {
    return "postgres://" + enc(user) + ":" + enc(password) + "@" + hostForUrl() + ":" + port + "/" + enc(database);
  }

  /** Percent-encoding that {@link #decode} reverses: a space becomes %20, never '+'. */
  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public String toString() {
    return "postgres://" + user + "@" + hostForUrl() + ":" + port + "/" + database;
  }
}
