package org.holdspace.auth;

import io.vertx.core.json.JsonObject;
import org.holdspace.support.ChatClient;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Sign out everywhere")
@ExtendWith(TestServerExtension.class)
class SignOutEverywhereTest {
  private static TestServer server;

  @Test
  @DisplayName("every token and refresh of the account is refused and its sockets get unauthenticated and close")
  void everywhere() {
    TestServer.Account account = server.newAccount("member", "Leaving");
    String laptop = account.token();
    String phone = server.login(account.username(), TestServer.PASSWORD);
    TestServer.Account other = server.newAccount("member", "Staying");
    ChatClient socket = server.connect(account);
    ChatClient bystander = server.connect(other);

    assertEquals(204, server.post("/api/auth/logout-all", phone, null).statusCode());
    JsonObject error = socket.await(f -> "error".equals(f.getString("type")), Duration.ofSeconds(2));
    assertEquals("unauthenticated", error.getString("code"));
    socket.awaitClose(Duration.ofSeconds(2));
    for (String token : new String[] {laptop, phone}) {
      expect(server.get("/api/groups", token), 401);
      expect(server.post("/api/auth/refresh", token, null), 401);
    }
    assertEquals(200, server.get("/api/groups", other.token()).statusCode());
    assertEquals(false, bystander.isClosed());
    assertEquals(200, server.get("/api/groups", server.login(account.username(), TestServer.PASSWORD)).statusCode());
    bystander.close();
  }
}
