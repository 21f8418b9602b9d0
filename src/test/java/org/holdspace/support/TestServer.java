package org.holdspace.support;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.holdspace.Server;
import org.holdspace.config.Config;
import org.holdspace.db.DatabaseUrl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real Holdspace server on a free port over its own fresh database, started through the production wiring,
 * with helpers that speak the public HTTP contract and open real WebSocket clients.
 */
public final class TestServer implements AutoCloseable {
  public static final String ADMIN_PASSWORD = "admin-password-for-tests";
  public static final String PASSWORD = "password-for-tests";
  private static final AtomicInteger NAMES = new AtomicInteger();

  private final Config config;
  private Server server;
  private final Vertx clientVertx = Vertx.vertx();
  private final WebClient http;
  private String adminToken;
  private boolean stopped;

  private TestServer(Config config) {
    this.config = config;
    this.server = Server.start(config);
    this.http = WebClient.create(clientVertx, new WebClientOptions().setDefaultHost("127.0.0.1"));
  }

  /** A server over a fresh database on the shared embedded PostgreSQL. */
  public static TestServer start() {
    return start(TestDatabase.fresh(), Map.of());
  }

  /** A server over the given database, with extra configuration keys. */
  public static TestServer start(DatabaseUrl database, Map<String, Object> overrides) {
    return new TestServer(config(database, overrides));
  }

  /** A server with exactly these settings (for tests of the configuration itself). */
  public static TestServer start(Config config) {
    return new TestServer(config);
  }

  /** The settings tests use: a free port, a fixed secret and admin password, and a fast password hash. */
  public static Config config(DatabaseUrl database, Map<String, Object> overrides) {
    return Config.from(configJson(database, overrides), Map.of());
  }

  /** {@link #config} as the keys of a configuration file, for tests that change or remove some of them. */
  public static JsonObject configJson(DatabaseUrl database, Map<String, Object> overrides) {
    return new JsonObject(keys(database, overrides));
  }

  /** The configuration keys behind {@link #config}, for a node started in a process of its own. */
  public static Map<String, Object> keys(DatabaseUrl database, Map<String, Object> overrides) {
    try {
      Path dataDir = Files.createTempDirectory("holdspace-test-data");
      Map<String, Object> keys = new HashMap<>();
      keys.put("httpPort", 0);
      keys.put("httpHost", "127.0.0.1");
      keys.put("dataDir", dataDir.toString());
      keys.put("databaseUrl", database.toUrl());
      keys.put("jwtSecret", "a-test-secret-that-is-long-enough-for-hs256");
      keys.put("adminPassword", ADMIN_PASSWORD);
      keys.put("passwordHashIterations", 1000);
      keys.put("databasePoolSize", 8);
      keys.putAll(overrides);
      return keys;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public int port() {
    return server.port();
  }

  public Config config() {
    return config;
  }

  public Server server() {
    return server;
  }

  /**
   * Stops the server only, as a node leaving a cluster would: its sockets are closed by the server, while the test's
   * clients and HTTP client stay usable.
   */
  public void stopServer() {
    if (!stopped) {
      stopped = true;
      server.close();
    }
  }

  /**
   * Stops the server (unless {@link #stopServer} already did) and starts it again on the same database and port
   * (state must survive).
   */
  public void restart() {
    int port = server.port();
    if (!stopped) {
      server.close();
    }
    server = Server.start(config.withHttpPort(port));
    stopped = false;
  }

  /** Stops the server and starts it with other settings on the same port. */
  public void restart(Config other) {
    int port = server.port();
    server.close();
    server = Server.start(other.withHttpPort(port));
  }

  /**
   * An HTTP client whose connections come from another loopback address (any of 127.0.0.0/8), for limits
   * kept per client address. Keep it in a variable while it is used.
   */
  public WebClient clientFrom(String localAddress) {
    return WebClient.create(clientVertx, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setLocalAddress(localAddress), new io.vertx.core.http.PoolOptions().setHttp1MaxSize(32));
  }

  /** Sends a request; the body may be null, a JsonObject, or a raw string. */
  public HttpResponse<Buffer> call(HttpMethod method, String path, String token, Object body) {
    return send(http, method, path, token, body).await();
  }

  /** Sends a request with the given client without waiting for the answer. */
  public io.vertx.core.Future<HttpResponse<Buffer>> send(WebClient client, HttpMethod method, String path,
                                                        String token, Object body) {
    var request = client.request(method, port(), "127.0.0.1", path);
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    if (body == null) {
      return request.send();
    }
    request.putHeader("Content-Type", "application/json");
    return request.sendBuffer(Buffer.buffer(body instanceof JsonObject json ? json.encode() : body.toString()));
  }

  public HttpResponse<Buffer> get(String path, String token) {
    return call(HttpMethod.GET, path, token, null);
  }

  public HttpResponse<Buffer> post(String path, String token, Object body) {
    return call(HttpMethod.POST, path, token, body);
  }

  public HttpResponse<Buffer> put(String path, String token, Object body) {
    return call(HttpMethod.PUT, path, token, body);
  }

  /** A JSON answer that must have the expected status. */
  public static JsonObject expect(HttpResponse<Buffer> response, int status) {
    if (response.statusCode() != status) {
      throw new AssertionError("expected " + status + " but got " + response.statusCode() + ": "
          + response.bodyAsString());
    }
    return response.body() == null || response.body().length() == 0 ? new JsonObject() : response.bodyAsJsonObject();
  }

  public String login(String username, String password) {
    return expect(post("/api/auth/login", null, new JsonObject().put("username", username).put("password", password)),
        200).getString("token");
  }

  public String adminToken() {
    if (adminToken == null) {
      adminToken = login("admin", ADMIN_PASSWORD);
    }
    return adminToken;
  }

  /** A signed-in account made for the test. */
  public record Account(long id, String username, String displayName, String token) {
  }

  public Account newAccount(String role, String displayName) {
    String username = role + "-" + NAMES.incrementAndGet();
    JsonObject user = expect(post("/api/users", adminToken(), new JsonObject().put("username", username)
        .put("password", PASSWORD).put("displayName", displayName).put("role", role)), 201);
    return new Account(user.getLong("id"), username, displayName, login(username, PASSWORD));
  }

  /** A group of the facilitator with a plan of {@code sessions} sessions. */
  public JsonObject newGroup(Account facilitator, String protocol, int sessions) {
    return expect(post("/api/groups", facilitator.token(), new JsonObject().put("name", "Group " + NAMES.incrementAndGet())
        .put("protocol", protocol).put("sessionCount", sessions)), 201);
  }

  public void enrol(Account facilitator, long groupId, Account member) {
    expect(post("/api/groups/" + groupId + "/members", facilitator.token(),
        new JsonObject().put("userId", member.id())), 201);
  }

  public JsonObject startSession(Account facilitator, long groupId) {
    return expect(post("/api/groups/" + groupId + "/sessions/current/start", facilitator.token(), null), 200);
  }

  public JsonObject endSession(Account facilitator, long groupId) {
    return expect(post("/api/groups/" + groupId + "/sessions/current/end", facilitator.token(), null), 200);
  }

  /** A WebSocket client that has said hello as the account. */
  public ChatClient connect(Account account) {
    ChatClient client = ChatClient.connect(clientVertx, port()).await();
    client.hello(account.token()).await();
    return client;
  }

  /** A WebSocket client of another node (on {@code port}) that has said hello as the account. */
  public ChatClient connect(Account account, int port) {
    ChatClient client = ChatClient.connect(clientVertx, port).await();
    client.hello(account.token()).await();
    return client;
  }

  /** A WebSocket client with no hello yet, with extra handshake headers. */
  public ChatClient connectRaw(Map<String, String> headers) {
    return ChatClient.connect(clientVertx, "127.0.0.1", port(), headers).await();
  }

  public Vertx clientVertx() {
    return clientVertx;
  }

  @Override
  public void close() {
    try {
      http.close();
      clientVertx.close().await();
    } finally {
      stopServer();
    }
  }
}
