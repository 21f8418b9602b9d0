package org.holdspace.security;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.holdspace.config.Config;
import org.holdspace.config.ConfigException;
import org.holdspace.support.TestDatabase;
import org.holdspace.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.FileInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HTTPS and WSS from a certificate made for this test with the JDK's keytool; never a real key. */
@DisplayName("TLS")
class TlsTest {
  private static Path cert;
  private static Path key;
  private static TestServer server;
  private static final Vertx vertx = Vertx.vertx();
  private static WebClient https;

  @BeforeAll
  static void start() throws Exception {
    Path dir = Files.createTempDirectory("holdspace-tls");
    Path store = dir.resolve("test.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "holdspace", "-keyalg", "RSA",
        "-keysize", "2048", "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
        "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "test-only", "-keypass", "test-only")
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, "keytool: " + output);
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (FileInputStream in = new FileInputStream(store.toFile())) {
      keyStore.load(in, "test-only".toCharArray());
    }
    cert = dir.resolve("cert.pem");
    key = dir.resolve("key.pem");
    Files.writeString(cert, pem("CERTIFICATE", keyStore.getCertificate("holdspace").getEncoded()));
    Files.writeString(key, pem("PRIVATE KEY", keyStore.getKey("holdspace", "test-only".toCharArray()).getEncoded()));
    server = TestServer.start(TestDatabase.fresh(), Map.of("tlsCertPath", cert.toString(), "tlsKeyPath",
        key.toString()));
    https = WebClient.create(vertx, new WebClientOptions().setSsl(true).setVerifyHost(true)
        .setTrustOptions(new PemTrustOptions().addCertPath(cert.toString())).setDefaultHost("127.0.0.1")
        .setDefaultPort(server.port()));
  }

  @AfterAll
  static void stop() {
    https.close();
    vertx.close().await();
    server.close();
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(der) + "\n-----END " + type + "-----\n";
  }

  @Test
  @DisplayName("serves the API over HTTPS with HSTS, and plain HTTP on the port gets nowhere")
  void https() {
    HttpResponse<Buffer> health = https.get("/health").send().await();
    assertEquals(200, health.statusCode());
    assertEquals("max-age=31536000", health.getHeader("Strict-Transport-Security"));
    HttpResponse<Buffer> login = https.post("/api/auth/login").sendJsonObject(new JsonObject()
        .put("username", "admin").put("password", TestServer.ADMIN_PASSWORD)).await();
    assertEquals(200, login.statusCode());
    WebClient plain = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(server.port()));
    try {
      boolean refused;
      try {
        refused = plain.get("/health").send().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
            .statusCode() != 200;
      } catch (Exception e) {
        refused = true;
      }
      assertTrue(refused, "plain HTTP is not served on a TLS port");
    } finally {
      plain.close();
    }
  }

  @Test
  @DisplayName("carries the chat over WSS: hello, join and an acknowledged message")
  void wss() throws Exception {
    String admin = https.post("/api/auth/login").sendJsonObject(new JsonObject().put("username", "admin")
        .put("password", TestServer.ADMIN_PASSWORD)).await().bodyAsJsonObject().getString("token");
    https.post("/api/users").bearerTokenAuthentication(admin).sendJsonObject(new JsonObject()
        .put("username", "tls-facilitator").put("password", TestServer.PASSWORD).put("displayName", "Dr. Tls")
        .put("role", "facilitator")).await();
    String token = https.post("/api/auth/login").sendJsonObject(new JsonObject().put("username", "tls-facilitator")
        .put("password", TestServer.PASSWORD)).await().bodyAsJsonObject().getString("token");
    long groupId = https.post("/api/groups").bearerTokenAuthentication(token).sendJsonObject(new JsonObject()
        .put("name", "Over TLS").put("protocol", "ipt").put("sessionCount", 12)).await().bodyAsJsonObject()
        .getLong("id");

    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setSsl(true).setVerifyHost(true)
        .setTrustOptions(new PemTrustOptions().addCertPath(cert.toString())));
    WebSocket ws = client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.port())
        .setURI("/ws").setSsl(true)).await();
    LinkedBlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    ws.textMessageHandler(text -> frames.add(new JsonObject(text)));
    ws.writeTextMessage(new JsonObject().put("type", "hello").put("token", token).encode());
    ws.writeTextMessage(new JsonObject().put("type", "join").put("groupId", groupId).encode());
    List<String> seen = new java.util.ArrayList<>();
    awaitType(frames, "joined", seen);
    ws.writeTextMessage(new JsonObject().put("type", "say").put("groupId", groupId).put("text", "private words")
        .put("ref", "m1").encode());
    JsonObject ack = awaitType(frames, "ack", seen);
    JsonObject event = awaitType(frames, "event", seen);
    assertEquals("private words", event.getString("text"));
    assertEquals("welcome", seen.get(0));
    assertTrue(ack.getLong("seq") > 0);
    ws.close().await();
    client.close().await();
  }

  private static JsonObject awaitType(LinkedBlockingQueue<JsonObject> frames, String type, List<String> seen)
      throws InterruptedException {
    while (true) {
      JsonObject frame = frames.poll(10, TimeUnit.SECONDS);
      assertNotNull(frame, "a " + type + " frame over WSS; so far " + seen);
      seen.add(frame.getString("type"));
      if (type.equals(frame.getString("type")) && !"join".equals(frame.getString("kind"))) {
        return frame;
      }
    }
  }

  @Test
  @DisplayName("a certificate without its key, or a key file that is not there, stops the start with a clear message")
  void badSettings() {
    ConfigException alone = assertThrows(ConfigException.class, () -> Config.from(new JsonObject()
        .put("tlsCertPath", cert.toString()), Map.of()));
    assertTrue(alone.getMessage().contains("HOLDSPACE_TLS_KEY_PATH"), alone.getMessage());
    ConfigException missing = assertThrows(ConfigException.class, () -> Config.from(new JsonObject(),
        Map.of("HOLDSPACE_TLS_CERT_PATH", cert.toString(), "HOLDSPACE_TLS_KEY_PATH", "/nonexistent/key.pem")));
    assertTrue(missing.getMessage().contains("tlsKeyPath"), missing.getMessage());
  }
}
