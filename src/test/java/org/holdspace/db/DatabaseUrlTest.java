package org.holdspace.db;

import io.vertx.pgclient.PgConnectOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("A DATABASE_URL")
class DatabaseUrlTest {

  @Test
  @DisplayName("names the host, port, database, user and password")
  void fullForm() {
    DatabaseUrl url = DatabaseUrl.parse("postgres://app:s3cret@db.example.org:6543/holdspace");
    assertEquals(new DatabaseUrl("db.example.org", 6543, "holdspace", "app", "s3cret"), url);
    assertEquals("jdbc:postgresql://db.example.org:6543/holdspace", url.jdbcUrl());
  }

  @Test
  @DisplayName("defaults to port 5432 and user postgres, and accepts the postgresql:// scheme")
  void defaults() {
    assertEquals(new DatabaseUrl("127.0.0.1", 5432, "postgres", "postgres", ""),
        DatabaseUrl.parse("postgres://127.0.0.1/postgres"));
    assertEquals(new DatabaseUrl("localhost", 5432, "x", "me", ""), DatabaseUrl.parse("postgresql://me@localhost/x"));
  }

  @Test
  @DisplayName("percent-decodes the user, password and database")
  void percentEncoding() {
    DatabaseUrl url = DatabaseUrl.parse("postgres://us%40er:p%3Aw%2Fd%40x@h:1/my%20db");
    assertEquals("us@er", url.user());
    assertEquals("p:w/d@x", url.password());
    assertEquals("my db", url.database());
  }

  @Test
  @DisplayName("keeps a plus sign in the password as a plus sign")
  void plusInPassword() {
    assertEquals("a+b=c", DatabaseUrl.parse("postgres://app:a+b=c@h:5432/db").password());
  }

  @Test
  @DisplayName("accepts a host name with an underscore, as container networks name services")
  void underscoreHost() {
    DatabaseUrl url = DatabaseUrl.parse("postgres://app:pw@holdspace_db:5433/holdspace");
    assertEquals(new DatabaseUrl("holdspace_db", 5433, "holdspace", "app", "pw"), url);
  }

  @Test
  @DisplayName("accepts an IPv6 address in brackets")
  void ipv6() {
    DatabaseUrl url = DatabaseUrl.parse("postgres://app@[::1]:5433/db");
    assertEquals("::1", url.host());
    assertEquals(5433, url.port());
    assertEquals("jdbc:postgresql://[::1]:5433/db", url.jdbcUrl());
    assertEquals(url, DatabaseUrl.parse(url.toUrl()));
  }

  @ParameterizedTest
  @DisplayName("is refused with a reason when it is not a postgres:// URL with a host and a database")
  @ValueSource(strings = {"mysql://u@h/db", "localhost:5432/db", "postgres://h:5432", "postgres://h:5432/",
      "postgres:///db", "postgres://u:p@/db", "postgres://h/%zz", "not a url at all", "postgres://h:abc/db",
      "postgres://h:70000/db", "postgres://h:0/db"})
  void refused(String raw) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse(raw));
    assertFalse(e.getMessage().isBlank());
  }

  @Test
  @DisplayName("never shows its password when printed or refused")
  void passwordStaysHidden() {
    DatabaseUrl url = DatabaseUrl.parse("postgres://app:top-secret-pw@h:5432/db");
    assertFalse(url.toString().contains("top-secret-pw"), url.toString());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DatabaseUrl.parse("mysql://app:top-secret-pw@h:5432/db"));
    assertFalse(e.getMessage().contains("top-secret-pw"));
  }

  @Test
  @DisplayName("survives a round trip through its URL form, special characters included")
  void roundTrip() {
    DatabaseUrl original = new DatabaseUrl("db.internal", 5432, "hold space", "a@b", "p a+s:s/w%rd");
    assertEquals(original, DatabaseUrl.parse(original.toUrl()));
  }

  @Test
  @DisplayName("gives the reactive client the same server and credentials, and another database on request")
  void connectOptionsAndOtherDatabase() {
    DatabaseUrl url = DatabaseUrl.parse("postgres://app:pw@h:6000/one");
    PgConnectOptions options = url.connectOptions();
    assertEquals("h", options.getHost());
    assertEquals(6000, options.getPort());
    assertEquals("one", options.getDatabase());
    assertEquals("app", options.getUser());
    assertEquals("pw", options.getPassword());
    assertEquals(new DatabaseUrl("h", 6000, "two", "app", "pw"), url.withDatabase("two"));
  }

  @Test
  @DisplayName("reads sslmode and sslrootcert, refuses other modes and parameters, naming DATABASE_URL")
  void sslParameters() throws java.io.IOException {
    java.nio.file.Path ca = java.nio.file.Files.createTempFile("ca", ".crt");
    DatabaseUrl url = DatabaseUrl.parse("postgres://app:pw@db:5432/x?sslmode=verify-full&sslrootcert=" + ca);
    assertEquals("verify-full", url.sslMode());
    assertEquals(java.util.Optional.of(ca.toString()), url.sslRootCert());
    assertEquals(io.vertx.pgclient.SslMode.VERIFY_FULL, url.connectOptions().getSslMode());
    assertEquals("HTTPS", url.connectOptions().getSslOptions().getHostnameVerificationAlgorithm());
    assertEquals(url, DatabaseUrl.parse(url.toUrl()));
    assertEquals(url.sslRootCert(), url.withDatabase("y").sslRootCert());
    assertTrue(url.jdbcUrl().endsWith("/x?sslmode=verify-full&sslrootcert="
        + java.net.URLEncoder.encode(ca.toString(), java.nio.charset.StandardCharsets.UTF_8)), url.jdbcUrl());
    assertEquals(io.vertx.pgclient.SslMode.DISABLE, DatabaseUrl.parse("postgres://h/x").connectOptions().getSslMode());
    assertEquals(io.vertx.pgclient.SslMode.REQUIRE,
        DatabaseUrl.parse("postgres://h/x?sslmode=require").connectOptions().getSslMode());
    for (String bad : List.of("?sslmode=prefer", "?sslmod=require", "?sslmode=verify-ca",
        "?sslmode=verify-full&sslrootcert=/no/such/file", "?sslrootcert=" + ca)) {
      var e = assertThrows(org.holdspace.config.ConfigException.class, () -> org.holdspace.config.Config.from(
          new io.vertx.core.json.JsonObject().put("databaseUrl", "postgres://u:secret-pw@h/x" + bad), Map.of()), bad);
      assertTrue(e.getMessage().contains("DATABASE_URL"), e.getMessage());
      assertFalse(e.getMessage().contains("secret-pw"), e.getMessage());
    }
  }
}
