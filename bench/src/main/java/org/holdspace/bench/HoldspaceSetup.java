package org.holdspace.bench;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Prepares a fresh Holdspace over its public HTTP API: one facilitator, one IPT group per room with a live
 * session, and one member account per client, enrolled in its room's group and signed in.
 */
final class HoldspaceSetup {
  static final String ADMIN_PASSWORD = "benchmark-admin-password";
  private static final String PASSWORD = "benchmark-password";

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;

  /** What the clients need: a token per client and the group of each room. */
  record Accounts(String[] tokens, long[] groups) {
  }

  HoldspaceSetup(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  Accounts prepare(RunSpec spec, int threads) throws Exception {
    String admin = login("admin", ADMIN_PASSWORD);
    createUser(admin, "bench-facilitator", "Facilitator", "facilitator");
    String facilitator = login("bench-facilitator", PASSWORD);
    long[] groups = new long[spec.rooms()];
    String[] tokens = new String[spec.clients()];
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int k = 0; k < groups.length; k++) {
        int room = k;
        work.add(pool.submit(() -> {
          groups[room] = call("POST", "/api/groups", facilitator, new JsonObject().put("name", "Bench room " + room)
              .put("protocol", "ipt").put("sessionCount", 12), 201).getLong("id");
          return null;
        }));
      }
      drain(work);
      for (int i = 0; i < tokens.length; i++) {
        int client = i;
        work.add(pool.submit(() -> {
          String username = "bench-member-" + client;
          long id = createUser(admin, username, "Member " + client, "member");
          call("POST", "/api/groups/" + groups[spec.roomOf(client)] + "/members", facilitator,
              new JsonObject().put("userId", id), 201);
          tokens[client] = login(username, PASSWORD);
          return null;
        }));
      }
      drain(work);
      for (long group : groups) {
        work.add(pool.submit(() -> call("POST", "/api/groups/" + group + "/sessions/current/start", facilitator,
            null, 200)));
      }
      drain(work);
    } finally {
      pool.shutdownNow();
    }
    return new Accounts(tokens, groups);
  }

  private static void drain(List<Future<?>> work) throws Exception {
    for (Future<?> f : work) {
      f.get();
    }
    work.clear();
  }

  private long createUser(String admin, String username, String displayName, String role) throws Exception {
    return call("POST", "/api/users", admin, new JsonObject().put("username", username).put("password", PASSWORD)
        .put("displayName", displayName).put("role", role), 201).getLong("id");
  }

  private String login(String username, String password) throws Exception {
    return call("POST", "/api/auth/login", null, new JsonObject().put("username", username)
        .put("password", password), 200).getString("token");
  }

  private JsonObject call(String method, String path, String token, JsonObject body, int status) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.encode()));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != status) {
      throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body().isEmpty() ? new JsonObject() : new JsonObject(response.body());
  }
}
