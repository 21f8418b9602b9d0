package org.holdspace.db;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.holdspace.support.Certificates;
import org.holdspace.support.TestDatabase;
import org.holdspace.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code sslmode} in {@code DATABASE_URL}, against a PostgreSQL that serves TLS with a certificate for
 * {@code localhost} only, signed by a CA made here; both the server's pool (vertx-pg-client) and its migrations
 * (JDBC) go through it.
 */
@DisplayName("DATABASE_URL's sslmode")
class DatabaseTlsTest {
  private static final String SSL = "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()";
  private static Path folder;
  private static Certificates.Ca ca;
  private static Certificates.Ca otherCa;
  private static EmbeddedPostgres postgres;
  private static Vertx vertx;

  @BeforeAll
  static void start() throws IOException {
    folder = Files.createTempDirectory("holdspace-db-tls");
    ca = Certificates.ca(folder, "database-ca");
    otherCa = Certificates.ca(folder, "other-ca");
    Certificates.Signed server = Certificates.signed(folder, "database", ca, "DNS:localhost");
    postgres = EmbeddedPostgres.builder()
        .setPGStartupWait(Duration.ofSeconds(60))
        .setServerConfig("listen_addresses", "127.0.0.1")
        .setServerConfig("ssl", "on")
        .setServerConfig("ssl_cert_file", server.cert().toString())
        .setServerConfig("ssl_key_file", server.key().toString())
        .start();
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() throws IOException {
    if (vertx != null) {
      vertx.close().await();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  private static String url(String host, String query) {
    return "postgres://postgres@" + host + ":" + postgres.getPort() + "/postgres" + query;
  }

  /** Whether the pool's connection is encrypted; throws when it cannot connect. */
  private static boolean poolSsl(String url) {
    Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(1))
        .connectingTo(DatabaseUrl.parse(url).connectOptions()).using(vertx).build();
    try {
      return pool.query(SSL).execute().timeout(20, TimeUnit.SECONDS).await().iterator().next().getBoolean(0);
    } finally {
      pool.close().await();
    }
  }

  /** The same over JDBC, as the migrations connect. */
  private static boolean jdbcSsl(String url) throws SQLException {
    DatabaseUrl parsed = DatabaseUrl.parse(url);
    try (Connection c = DriverManager.getConnection(parsed.jdbcUrl(), parsed.user(), parsed.password());
         ResultSet rs = c.createStatement().executeQuery(SSL)) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  @Test
  @DisplayName("verify-full connects with the server's CA and host name, and not with another CA or host name")
  void verifyFull() throws SQLException {
    String right = url("localhost", "?sslmode=verify-full&sslrootcert=" + ca.cert());
    assertTrue(poolSsl(right));
    assertTrue(jdbcSsl(right));
    String otherAuthority = url("localhost", "?sslmode=verify-full&sslrootcert=" + otherCa.cert());
    assertThrows(Exception.class, () -> poolSsl(otherAuthority));
    assertThrows(SQLException.class, () -> jdbcSsl(otherAuthority));
    String otherHost = url("127.0.0.1", "?sslmode=verify-full&sslrootcert=" + ca.cert());
    assertThrows(Exception.class, () -> poolSsl(otherHost));
    assertThrows(SQLException.class, () -> jdbcSsl(otherHost));
  }

  @Test
  @DisplayName("verify-ca checks the CA but not the name; require encrypts; disable does not")
  void otherModes() throws SQLException {
    String byAddress = url("127.0.0.1", "?sslmode=verify-ca&sslrootcert=" + ca.cert());
    assertTrue(poolSsl(byAddress));
    assertTrue(jdbcSsl(byAddress));
    String otherAuthority = url("127.0.0.1", "?sslmode=verify-ca&sslrootcert=" + otherCa.cert());
    assertThrows(Exception.class, () -> poolSsl(otherAuthority));
    assertTrue(poolSsl(url("127.0.0.1", "?sslmode=require")));
    assertTrue(jdbcSsl(url("127.0.0.1", "?sslmode=require")));
    assertEquals(false, poolSsl(url("127.0.0.1", "?sslmode=disable")));
    assertEquals(false, poolSsl(url("127.0.0.1", "")));
  }

  @Test
  @DisplayName("require against a PostgreSQL without TLS fails rather than talking in the clear")
  void requireWithoutTls() {
    DatabaseUrl plain = TestDatabase.fresh();
    String url = plain.toUrl() + "?sslmode=require";
    assertThrows(Exception.class, () -> poolSsl(url));
    assertThrows(SQLException.class, () -> jdbcSsl(url));
  }

  @Test
  @DisplayName("a server started with a verify-full DATABASE_URL migrates and serves over TLS")
  void serverOverTls() {
    DatabaseUrl database = DatabaseUrl.parse(url("localhost", "?sslmode=verify-full&sslrootcert=" + ca.cert()));
    try (TestServer server = TestServer.start(database, Map.of())) {
      assertEquals(200, server.get("/health", null).statusCode());
      assertEquals("verify-full", server.server().databaseUrl().sslMode());
    }
  }
}
